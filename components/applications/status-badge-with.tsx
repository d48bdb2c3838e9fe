import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { statusTone } from "@/lib/applications/labels";

/**
 * A status badge with its words already looked up: a table of many rows translates once, not per
 * row. Server and client components both render it (it needs no translator).
 */
export function StatusBadgeWith({ status, label }: { status: ApplicationStatus; label: string }) {
  return <span className={`badge badge--${statusTone(status)}`} data-status={status}>{label}</span>;
}
