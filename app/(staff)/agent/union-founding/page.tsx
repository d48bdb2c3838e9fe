import { foundingMetadata, foundingRoute } from "@/components/unions/founding-route";

export const generateMetadata = foundingMetadata;
export default foundingRoute("agent");
