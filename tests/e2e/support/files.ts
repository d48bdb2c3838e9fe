import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** A small but well-formed PDF (header, one object, trailer) of roughly `size` bytes. */
export function pdfBytes(size = 2_000): Buffer {
  const head = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n";
  const tail = "trailer\n<< /Root 1 0 R >>\n%%EOF\n";
  const padding = `% ${"x".repeat(Math.max(0, size - head.length - tail.length - 3))}\n`;
  return Buffer.from(head + padding + tail, "latin1");
}

export function pdfFile(name: string, size?: number) {
  return { name, mimeType: "application/pdf", buffer: pdfBytes(size) };
}

/** The text of a PDF, as `pdftotext -layout` extracts it. */
export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), "ncd-pdf-"));
  const file = path.join(dir, "doc.pdf");
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}
