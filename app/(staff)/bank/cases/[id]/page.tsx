import { staffCaseRoute } from "@/components/reviews/case-route";

export default staffCaseRoute("bank");
