// Every status-like enum of the schema (its name ends in "Status", or it is a statement line's
// exclusion) and each catalogue namespace that words it on a page, PDF or export. A raw code
// never reaches a reader: tests/unit/status-words.test.ts checks that every value of every such
// enum has words in each of these namespaces, in both languages, and that no such enum is missing here.
export const STATUS_WORDS = {
  ApplicationStatus: ["status"],
  LoanStatus: ["case.loanStatus", "subsidy.loan.statuses", "insight.loanState"],
  BatchStatus: ["subsidy.status"],
  SubsidyExclusion: ["subsidy.exclusion"],
  ControlChangeStatus: ["admin.controls.statuses"],
  ExceptionStatus: ["exceptions.state"],
  DocumentReadingStatus: ["applicant.licenceReading.status"],
  BackgroundJobStatus: ["background.status"],
} as const;

export type StatusEnum = keyof typeof STATUS_WORDS;
