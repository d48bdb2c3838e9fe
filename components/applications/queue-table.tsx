"use client";
import { useTranslations } from "next-intl";
import { CaseTable, type CaseTableProps } from "@/components/applications/case-table";

/**
 * A queue's table. It renders on the server like any other; it is a client component so that the
 * page's payload carries the rows' values (about 200 bytes a row) rather than every cell's markup
 * again. With `selectForm`, each row gets a checkbox belonging to that form (batch assignment).
 */
export function QueueTable(props: CaseTableProps) {
  return <CaseTable t={useTranslations("table")} {...props} />;
}
