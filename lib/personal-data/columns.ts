import type { SealedField } from "@/lib/personal-data/sealed";

/** Every sealed column of the schema, with its blind index where look-ups need one. */
export type SealedColumn = { table: string; column: string; index?: string; field: SealedField };

export const SEALED_COLUMNS: readonly SealedColumn[] = [
  { table: "User", column: "mobileSealed", index: "mobileIndex", field: "User.mobile" },
  { table: "User", column: "totpSecretSealed", field: "User.totpSecret" },
  { table: "ApplicantProfile", column: "idNumberSealed", index: "idNumberIndex", field: "ApplicantProfile.idNumber" },
  { table: "ApplicantProfile", column: "mobileSealed", field: "ApplicantProfile.mobile" },
  { table: "Loan", column: "accountNoSealed", field: "Loan.accountNo" },
  { table: "OutboxSms", column: "toSealed", field: "OutboxSms.to" },
  { table: "OutboxSms", column: "bodySealed", field: "OutboxSms.body" },
  { table: "CaseSnapshot", column: "payloadSealed", field: "CaseSnapshot.payload" },
  { table: "FormDraft", column: "fieldsSealed", field: "FormDraft.fields" },
  { table: "HotlineCall", column: "callerMobileSealed", index: "callerMobileIndex", field: "HotlineCall.callerMobile" },
  { table: "DocumentReading", column: "proposalsSealed", field: "DocumentReading.proposals" },
];
