import { z } from "zod";

// The founding form's fields, taken as typed: the service judges them (lib/unions/founding.ts) and
// answers with codes that the action translates (messages: unionFounding.problems).
export const foundingSchema = z.object({
  creditCode: z.string().trim().toUpperCase().max(18),
  unionName: z.string().trim().max(200),
  foundedOn: z.string().trim().max(10),
  memberCount: z.string().trim().max(9).transform((v) => (/^-?\d+$/.test(v) ? Number(v) : Number.NaN)),
  replacesId: z.uuid().optional().or(z.literal("").transform(() => undefined)),
});
export type FoundingInput = z.output<typeof foundingSchema>;
