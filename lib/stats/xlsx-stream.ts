import "server-only";
import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { Cell, Sheet } from "@/lib/stats/xlsx";

/** A sheet whose rows may come one at a time (an export too large to hold). */
type StreamedSheet = Omit<Sheet, "rows"> & { rows: Iterable<Cell[]> | AsyncIterable<Cell[]> };

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * Sheets written row by row with exceljs's streaming writer: each row is committed (and leaves
 * memory) as soon as it is added, and the bytes flow to the response while the rest is written;
 * rows may come from an async iterable, and writing waits while the reader is behind.
 * The first row of each sheet is its header; `about` rows go on a last sheet.
 */
export function streamWorkbook(sheets: StreamedSheet[], about: { title: string; rows: [string, string][] }): ReadableStream<Uint8Array> {
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
      for await (const row of sheet.rows) {
        ws.addRow(row).commit();
        // Let the reader catch up before writing more (a slow download never piles up in memory).
        if (out.writableNeedDrain) await once(out, "drain");
      }
      ws.commit();
    }
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
