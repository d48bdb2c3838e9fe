import { ServicingRefusal } from "@/lib/loans/servicing/refusal";

/** A business date of a servicing record: never before `earliest` (the disbursement or the event it follows), never after today in Beijing. */
export function assertServicingDate(
  field: string,
  on: string,
  today: string,
  earliest: { on: string; reason: "DATE_BEFORE_DISBURSEMENT" | "DATE_BEFORE_MISSED" | "DATE_BEFORE_COMPENSATION" },
): void {
  if (on < earliest.on) throw new ServicingRefusal(earliest.reason, field, { on, earliest: earliest.on });
  if (on > today) throw new ServicingRefusal("DATE_IN_FUTURE", field, { on, today });
}
