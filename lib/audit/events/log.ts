import { z } from "zod";

// The log's own events: where every chain stood, written by the anchoring job (lib/audit/services/anchor-chain-heads.ts).

export const LOG_AUDIT_EVENTS = {
  "audit.chainHeads": z.object({ heads: z.array(z.object({ chain: z.number().int(), id: z.string(), hash: z.string() })) }),
} as const;
