import { portfolioMetadata, portfolioRoute } from "@/components/loans/portfolio-route";

export const metadata = portfolioMetadata;
export default portfolioRoute("center");
