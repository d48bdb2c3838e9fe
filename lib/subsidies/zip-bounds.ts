import { inflateRawSync } from "node:zlib";

// An XLSX file is a ZIP archive. Before a spreadsheet library inflates it, every entry is inflated
// here with a hard cap on the total output, so a "zip bomb" (a few kilobytes that inflate to
// gigabytes) is refused after at most `maxBytes` of work instead of exhausting the server's memory.

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

// A result, not a throw: the statement parser words the reason into its per-line report.
export type ZipCheck = { ok: true; bytes: number } | { ok: false; reason: "TOO_LARGE" | "MALFORMED" };

export function checkZipExpansion(data: Uint8Array, maxBytes: number): ZipCheck {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, reason: "MALFORMED" };
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  let total = 0;
  try {
    for (let n = 0; n < entries; n++) {
      if (view.getUint32(at, true) !== CENTRAL) return { ok: false, reason: "MALFORMED" };
      const method = view.getUint16(at + 10, true);
      const compressed = view.getUint32(at + 20, true);
      const declared = view.getUint32(at + 24, true);
      const local = view.getUint32(at + 42, true);
      at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
      if (view.getUint32(local, true) !== LOCAL) return { ok: false, reason: "MALFORMED" };
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      const body = data.subarray(start, start + compressed);
      const budget = maxBytes - total;
      if (method === 0) {
        total += body.length;
      } else if (method === 8) {
        // Inflated for real: the sizes a file declares can lie.
        total += inflateRawSync(body, { maxOutputLength: Math.max(1, budget + 1) }).length;
      } else {
        return { ok: false, reason: "MALFORMED" };
      }
      if (total > maxBytes || declared > maxBytes) return { ok: false, reason: "TOO_LARGE" };
    }
  } catch (error) {
    return { ok: false, reason: error instanceof RangeError && /maxOutputLength|buffer/i.test(error.message) ? "TOO_LARGE" : "MALFORMED" };
  }
  return { ok: true, bytes: total };
}
