import { portfolioMetadata, portfolioRoute } from "@/components/loans/portfolio-route";

export const generateMetadata = portfolioMetadata;
export default portfolioRoute("guarantor");
