import "server-only";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { Sheet } from "@/lib/stats/xlsx";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * Sheets written row by row with exceljs's streaming writer: each row is committed (and leaves
 * memory) as soon as it is added, and the bytes flow to the response while the rest is written.
 * The first row of each sheet is its header; `about` rows go on a last sheet.
 */
export function streamWorkbook(sheets: Sheet[], about: { title: string; rows: [string, string][] }): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const write = async () => {
    for (const sheet of [...sheets, { key: "about", title: about.title, header: [] as string[], rows: about.rows }]) {
      const ws = workbook.addWorksheet(sheet.title.slice(0, 31));
      ws.columns = [{ width: 30 }, ...Array.from({ length: Math.max(1, sheet.header.length - 1) }, () => ({ width: 18 }))];
      if (sheet.header.length > 0) {
        const header = ws.addRow(sheet.header);
        header.font = { bold: true };
        header.commit();
      }
      for (const row of sheet.rows) ws.addRow(row).commit();
      ws.commit();
    }
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
