import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { checkZipExpansion } from "@/lib/subsidies/zip-bounds";
import { buildTemplateXlsx, MAX_XLSX_EXPANDED_BYTES, parseStatement } from "@/lib/subsidies/statement-parser";
import { worded } from "@/tests/support/words";

/** A one-entry ZIP (deflated) whose central directory may declare a size other than the real one. */
function zipOf(content: Buffer, declaredSize = content.length): Uint8Array {
  const name = Buffer.from("xl/worksheets/sheet1.xml");
  const body = deflateRawSync(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(body.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(body.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const centralAt = local.length + name.length + body.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralAt, 16);
  return new Uint8Array(Buffer.concat([local, name, body, central, name, end]));
}

describe("bounded spreadsheet uploads", () => {
  it("lets a real statement template through and counts what it inflates to", async () => {
    const xlsx = new Uint8Array(await buildTemplateXlsx());
    const check = checkZipExpansion(xlsx, MAX_XLSX_EXPANDED_BYTES);
    expect(check.ok).toBe(true);
    expect(check.ok && check.bytes).toBeGreaterThan(xlsx.length);
  });

  it("stops a zip bomb after the cap, whatever size it declares", () => {
    const bomb = Buffer.alloc(MAX_XLSX_EXPANDED_BYTES + 1024 * 1024);
    expect(checkZipExpansion(zipOf(bomb), MAX_XLSX_EXPANDED_BYTES)).toEqual({ ok: false, reason: "TOO_LARGE" });
    // A lie in the directory changes nothing: the data is inflated for real.
    expect(checkZipExpansion(zipOf(bomb, 1000), MAX_XLSX_EXPANDED_BYTES)).toEqual({ ok: false, reason: "TOO_LARGE" });
    expect(checkZipExpansion(zipOf(Buffer.from("<sheet/>")), MAX_XLSX_EXPANDED_BYTES)).toEqual({ ok: true, bytes: 8 });
  });

  it("refuses a truncated or forged archive as damaged", () => {
    const good = zipOf(Buffer.from("<sheet/>"));
    expect(checkZipExpansion(good.subarray(0, good.length - 30), 1024)).toEqual({ ok: false, reason: "MALFORMED" });
    expect(checkZipExpansion(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 1024)).toEqual({ ok: false, reason: "MALFORMED" });
  });

  it("the statement parser answers a bomb with a clear message and stores nothing", async () => {
    const result = await parseStatement(zipOf(Buffer.alloc(MAX_XLSX_EXPANDED_BYTES + 1)), { today: "2026-12-04" });
    expect(result.ok ? "" : result.errors.map((e) => worded(e.message)).join()).toContain("解压后过大");
  });
});
