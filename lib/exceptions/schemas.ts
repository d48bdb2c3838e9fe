import { z } from "zod";
import { DOCUMENT_KINDS } from "@/lib/exceptions/document-kinds";
import { safeMultilineTextField, yuanAmountField } from "@/lib/validation/zod-fields";
import { EXCEPTION_STATES, EXCEPTION_TYPES } from "@/lib/exceptions/rules";

const blank = (v: unknown) => (v === "" || v === undefined || v === null ? undefined : v);

/** A request: the value field that matters for the type is checked by the service (lib/exceptions/rules.ts). */
export const requestExceptionSchema = z.object({
  applicationId: z.uuid({ error: "exceptions.schema.id" }),
  type: z.enum(EXCEPTION_TYPES, { error: "exceptions.schema.type" }),
  reason: safeMultilineTextField(500, { min: 4 }),
  expiresOn: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "exceptions.schema.date" }),
  valueYuan: z.preprocess(blank, yuanAmountField.optional()),
  valueMonths: z.preprocess(blank, z.coerce.number({ error: "exceptions.schema.months" }).int({ error: "exceptions.schema.months" }).min(1, { error: "exceptions.schema.months" }).max(240, { error: "exceptions.schema.months" }).optional()),
  documentKind: z.preprocess(blank, z.enum(DOCUMENT_KINDS, { error: "exceptions.schema.document" }).optional()),
});

export const decideExceptionSchema = z.object({
  exceptionId: z.uuid({ error: "exceptions.schema.id" }),
  version: z.coerce.number().int().min(0),
  decision: z.enum(["approve", "refuse"], { error: "exceptions.schema.decision" }),
  comment: safeMultilineTextField(500, { min: 2 }),
});

/** The list page's filters (query string); anything unknown is ignored. */
export const exceptionFilterSchema = z.object({
  type: z.enum(EXCEPTION_TYPES).optional().catch(undefined),
  state: z.enum(EXCEPTION_STATES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
