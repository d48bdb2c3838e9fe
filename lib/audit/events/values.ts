import { z } from "zod";

// The pieces payloads are made of, as they are stored: the audit log keeps JSON, so bigint fen
// are decimal strings and dates ISO strings by the time a schema sees them (lib/audit/chain.ts).

/** An amount in fen (or yuan), stored as its decimal string. */
export const fenText = z.string().regex(/^-?\d+$/);

/** A calendar day, YYYY-MM-DD (or an ISO instant where a service stores one). */
export const dayText = z.string();

/** What the applicant was told with an event (lib/reviews/applicant-message.ts), as stored. */
export const applicantMessage = z.object({
  code: z.string(),
  params: z.record(z.string(), z.unknown()),
  text: z.string().nullish(),
});

/** A payload with nothing in it. */
export const empty = z.object({});

/** A small record of named values shown whole (a configuration's "before" or "after"). */
export const shownWhole = z.record(z.string(), z.unknown());
