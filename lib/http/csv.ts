// CSV for spreadsheets (Excel first): UTF-8 with a BOM, CRLF line ends, cells quoted when they
// hold a comma, quote or line break, and a leading =, +, - or @ neutralised so that a spreadsheet
// never evaluates a cell that came from user input.

export function csvCell(value: string): string {
  const text = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvLine = (cells: readonly string[]): string => cells.map(csvCell).join(",");

/** A whole CSV file from its lines (already joined cells). */
export const csvFile = (lines: readonly string[]): string => `\uFEFF${lines.join("\r\n")}\r\n`;

/**
 * A CSV file streamed as the reader pulls: the header, then `chunk` rows at a time from `rows`,
 * so a list of any size holds one chunk in memory. Cancelling the download stops the rows.
 */
export function csvStream(header: readonly string[], rows: AsyncIterator<readonly string[]>, chunk = 1_000): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(header)}\r\n`));
      }
      const lines: string[] = [];
      for (let i = 0; i < chunk; i += 1) {
        const next = await rows.next();
        if (next.done) break;
        lines.push(csvLine(next.value));
      }
      if (lines.length) controller.enqueue(encoder.encode(`${lines.join("\r\n")}\r\n`));
      if (lines.length < chunk) controller.close();
    },
    async cancel() {
      await rows.return?.(undefined);
    },
  });
}
