import { logger } from "@/lib/logger";
import { AUDIT_EVENTS, isAuditAction, type AuditAction, type AuditData } from "@/lib/audit/events/table";

/** An event's payload read through its kind's schema, or an event the log cannot read. */
export type AuditReading =
  | { [K in AuditAction]: { readable: true; action: K; data: AuditData<K> } }[AuditAction]
  | { readable: false; action: string };

/**
 * Reads a stored event's payload with its kind's schema. A payload that does not parse (or an
 * action no kind knows) is reported and comes back unreadable, never as fields read as undefined.
 */
export function readAuditEvent(event: { id?: bigint | string; action: string; data: unknown }): AuditReading {
  if (!isAuditAction(event.action)) return unreadable(event, "unknown action");
  const parsed = AUDIT_EVENTS[event.action].safeParse(event.data ?? {});
  if (!parsed.success) return unreadable(event, parsed.error.message);
  return { readable: true, action: event.action, data: parsed.data } as AuditReading;
}

/**
 * The payload of an event of one of the kinds a reader expects (its query selects them), or null
 * when the event is of another kind or does not parse (both reported).
 */
export function readAuditData<K extends AuditAction>(
  kinds: K | readonly K[],
  event: { id?: bigint | string; action: string; data: unknown },
): AuditData<K> | null {
  const expected: readonly string[] = typeof kinds === "string" ? [kinds] : kinds;
  const reading = expected.includes(event.action) ? readAuditEvent(event) : unreadable(event, "unexpected action");
  return reading.readable ? (reading.data as AuditData<K>) : null;
}

function unreadable(event: { id?: bigint | string; action: string }, problem: string): AuditReading {
  logger.warn("unreadable audit event", { id: event.id === undefined ? undefined : String(event.id), action: event.action, problem });
  return { readable: false, action: event.action };
}
