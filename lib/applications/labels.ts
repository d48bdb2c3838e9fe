import type { ApplicationStatus } from "@/lib/generated/prisma/enums";

/** Badge colour for a status: where the case stands at a glance. */
export function statusTone(status: ApplicationStatus): "green" | "red" | "amber" | "grey" {
  switch (status) {
    case "ACTIVE":
    case "SETTLED":
      return "green";
    case "REJECTED":
    case "EXPIRED":
    case "OVERDUE":
    case "COMPENSATED":
      return "red";
    case "RETURNED":
    case "DRAFT":
      return "amber";
    default:
      return "grey";
  }
}
