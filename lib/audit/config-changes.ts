// Configuration changes as the audit view shows them, pure: which audit actions are changes to
// the programme's configuration (by kind), the filters a reader may set, and each event's "before"
// and "after" read from the payload its service wrote.

export const CONFIG_KINDS = {
  calendar: ["calendar.days_added", "calendar.day_removed", "calendar.day_renamed"],
  policy: ["policy.published"],
  control: ["control_change.proposed", "control_change.approved", "control_change.rejected", "control_change.withdrawn"],
  budget: ["subsidy.budget_set"],
  organisation: ["organisation.created", "organisation.renamed", "organisation.disabled", "organisation.enabled"],
  consent: ["consent.wording_published"],
  lpr: ["lpr.rate_added"],
  routing: ["routing.changed"],
  reference: [
    "category.created", "category.renamed", "category.deactivated", "category.reactivated", "category.checklist_changed",
    "target_group.created", "target_group.renamed", "target_group.deactivated", "target_group.reactivated",
    "numbering.pattern_changed",
  ],
  staff: ["user.invited", "user.role_changed", "user.disabled", "user.enabled", "user.sessions_revoked", "user.unlocked", "user.password_reset_forced"],
} as const satisfies Record<string, readonly string[]>;

export type ConfigKind = keyof typeof CONFIG_KINDS;
export const CONFIG_KIND_NAMES = Object.keys(CONFIG_KINDS) as ConfigKind[];
export const CONFIG_ACTIONS: readonly string[] = Object.values(CONFIG_KINDS).flat();

export const kindOfAction = (action: string): ConfigKind | null =>
  CONFIG_KIND_NAMES.find((k) => (CONFIG_KINDS[k] as readonly string[]).includes(action)) ?? null;

export type ConfigFilters = { kind?: ConfigKind; actorId?: string; from?: string; to?: string };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const realDay = (v: string) => ISO_DAY.test(v) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;

/** The filters of the page's query string; unknown values are ignored, a malformed date is an error. */
export function parseConfigFilters(params: Record<string, string | undefined>): { filters: ConfigFilters } | { error: "badDate" } {
  const filters: ConfigFilters = {};
  if (params.kind && (CONFIG_KIND_NAMES as string[]).includes(params.kind)) filters.kind = params.kind as ConfigKind;
  if (params.actor && UUID.test(params.actor)) filters.actorId = params.actor;
  for (const key of ["from", "to"] as const) {
    const value = params[key]?.trim();
    if (!value) continue;
    if (!realDay(value)) return { error: "badDate" };
    filters[key] = value;
  }
  return { filters };
}

/** The instants a Beijing-day range covers: [from 00:00, the day after `to` 00:00). */
export function dayRange(filters: ConfigFilters): { gte?: Date; lt?: Date } {
  return {
    ...(filters.from ? { gte: new Date(`${filters.from}T00:00:00+08:00`) } : {}),
    ...(filters.to ? { lt: new Date(new Date(`${filters.to}T00:00:00+08:00`).getTime() + 86_400_000) } : {}),
  };
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type BeforeAfter = { before: Json; after: Json };

const BOOKKEEPING = new Set(["before", "after", "version"]);

/** What the configuration was before the change and what it became, from the event's payload. */
export function beforeAndAfter(action: string, data: unknown): BeforeAfter {
  const d = (data && typeof data === "object" && !Array.isArray(data) ? data : {}) as Record<string, Json>;
  if ("before" in d || "after" in d) {
    const rest = Object.fromEntries(Object.entries(d).filter(([k]) => !BOOKKEEPING.has(k) && k !== "moved" && k !== "proposedBy"));
    if (action === "policy.published") return { before: d.before ?? null, after: rest };
    return { before: d.before ?? null, after: d.after ?? null };
  }
  if (action === "subsidy.budget_set") {
    const deposit = (v: Json | undefined): Record<string, Json> => (v === undefined || v === null ? {} : { guaranteeDepositFen: v });
    return {
      before: d.fromFen === undefined ? null : { amountFen: d.fromFen, ...deposit(d.depositFromFen) },
      after: { amountFen: d.toFen ?? null, ...deposit(d.depositToFen) },
    };
  }
  if (action === "user.role_changed") return { before: { role: d.from ?? null }, after: { role: d.to ?? null } };
  return { before: null, after: Object.keys(d).length ? d : null };
}

/** How a reader names a payload's field names and plain values (the page and the export word them). */
export type Wording = { field: (key: string) => string; value: (value: string | number | boolean) => string };
const AS_WRITTEN: Wording = { field: (k) => k, value: (v) => String(v) };

/** A value of a before/after as one line of text: `field: value; …`, list items separated by " | ". */
export function describeValue(value: Json | undefined, words: Wording = AS_WRITTEN): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map((v) => describeValue(v, words)).join(" | ");
  if (typeof value === "object") {
    return Object.entries(value)
      .map(([k, v]) => `${words.field(k)}: ${typeof v === "object" && v !== null ? `(${describeValue(v, words)})` : describeValue(v, words)}`)
      .join("; ");
  }
  return words.value(value);
}
