import type { DocumentKind } from "@/lib/generated/prisma/enums";

/** The document kinds a waiver may name, in the checklist's order. */
export const DOCUMENT_KINDS = [
  "BUSINESS_LICENCE", "ID_CARD_FRONT", "ID_CARD_BACK", "UNION_PROOF", "FINANCIAL_STATEMENTS", "BANK_STATEMENTS", "CREDIT_AUTHORISATION", "LOAN_USE_PLAN",
] as const satisfies readonly DocumentKind[];
