import { describe, expect, it } from "vitest";
import { inspectUpload as inspectOrThrow, MAX_DOCUMENT_BYTES, safeFileName } from "@/lib/documents/inspect";
import { AppError, isAppError } from "@/lib/errors";
import { ascii, concat, png } from "../support/sample-files";
import { worded } from "../support/words";

function jpeg(): Uint8Array {
  return concat(
    new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    ascii("JFIF\0"),
    new Uint8Array([0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]),
    new Uint8Array([0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0x12, 0x34]),
    new Uint8Array([0xff, 0xd9]),
  );
}

const pdf = (): Uint8Array =>
  ascii("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

/** The inspection as a value: accepted with its type and name, or refused with the message on the file field. */
const inspectUpload = (bytes: Uint8Array, name: string) =>
  inspectOrThrow(bytes, name).then(
    (accepted) => ({ ok: true, ...accepted }),
    (error: unknown) => {
      if (!isAppError(error) || error.code !== "VALIDATION" || error.fieldErrors?.file?.[0] !== error.detail) throw error;
      return { ok: false, message: worded(error.detail) };
    },
  );

const unsupported = { ok: false, message: "仅支持 PDF、JPG、PNG 格式的文件" };
const mismatch = { ok: false, message: "文件内容与格式不符" };

describe("inspectUpload: type by content", () => {
  it("accepts a real PDF, JPEG and PNG and names them by their type", async () => {
    expect(await inspectUpload(pdf(), "营业执照.pdf")).toEqual({ ok: true, mimeType: "application/pdf", safeName: "营业执照.pdf" });
    expect(await inspectUpload(jpeg(), "身份证 正面.JPEG")).toEqual({ ok: true, mimeType: "image/jpeg", safeName: "身份证 正面.jpeg" });
    expect(await inspectUpload(png(), "proof.png")).toEqual({ ok: true, mimeType: "image/png", safeName: "proof.png" });
  });

  it("goes by the bytes, not the name: a PNG called .pdf becomes .png", async () => {
    expect(await inspectUpload(png(), "scan.pdf")).toMatchObject({ ok: true, mimeType: "image/png", safeName: "scan.png" });
    expect(await inspectUpload(pdf(), "statement")).toMatchObject({ ok: true, safeName: "statement.pdf" });
  });

  it("accepts a JPEG padded with zeros after its end marker", async () => {
    expect(await inspectUpload(concat(jpeg(), new Uint8Array(16)), "a.jpg")).toMatchObject({ ok: true });
  });

  it("refuses by throwing a VALIDATION AppError with the message on the file field", async () => {
    await expect(inspectOrThrow(new Uint8Array(), "a.pdf")).rejects.toBeInstanceOf(AppError);
    await expect(inspectOrThrow(new Uint8Array(), "a.pdf")).rejects.toMatchObject({ code: "VALIDATION", detail: { key: "case.documents.empty" }, fieldErrors: { file: [{ key: "case.documents.empty" }] } });
  });

  it("refuses an empty file and one over 10 MB", async () => {
    expect(await inspectUpload(new Uint8Array(), "a.pdf")).toEqual({ ok: false, message: "文件为空" });
    const big = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    big.set(pdf());
    expect(await inspectUpload(big, "a.pdf")).toEqual({ ok: false, message: "文件超过 10 MB" });
  });

  it("accepts a file of exactly 10 MB", async () => {
    const exact = new Uint8Array(MAX_DOCUMENT_BYTES);
    const file = pdf();
    exact.set(file.subarray(0, 9));
    exact.set(file, MAX_DOCUMENT_BYTES - file.byteLength);
    expect(await inspectUpload(exact, "a.pdf")).toMatchObject({ ok: true });
  });

  it("refuses SVG and HTML renamed .png, and other types", async () => {
    const svg = ascii('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>');
    expect(await inspectUpload(svg, "photo.png")).toEqual(unsupported);
    expect(await inspectUpload(ascii('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), "x.png")).toEqual(unsupported);
    expect(await inspectUpload(ascii("<!doctype html><html><script>alert(document.cookie)</script></html>"), "x.png")).toEqual(unsupported);
    expect(await inspectUpload(ascii("just some text"), "x.pdf")).toEqual(unsupported);
    const gif = ascii("GIF89a\x01\x00\x01\x00\x00\x00\x00;");
    expect(await inspectUpload(gif, "x.png")).toEqual(unsupported);
  });

  it("refuses polyglots: anything after the PNG end, HTML in a JPEG, a PDF without its end", async () => {
    expect(await inspectUpload(concat(png(), ascii("<html><script>alert(1)</script></html>")), "x.png")).toEqual(mismatch);
    expect(await inspectUpload(concat(png(), ascii("PK\x03\x04 zip")), "x.png")).toEqual(mismatch);
    expect(await inspectUpload(concat(jpeg(), ascii("<?php echo 1; ?>")), "x.jpg")).toEqual(mismatch);
    expect(await inspectUpload(pdf().subarray(0, 60), "x.pdf")).toEqual(mismatch);
    // Well-formed at both ends, but with a script near the start (in a JPEG comment segment).
    const comment = concat(new Uint8Array([0xff, 0xfe, 0x00, 0x14]), ascii("<SCRIPT>x()</script>"));
    const j = jpeg();
    expect(await inspectUpload(concat(j.subarray(0, 2), comment, j.subarray(2)), "x.jpg")).toEqual(mismatch);
    // A PDF whose tail is an HTML page, %%EOF still within the last KB.
    expect(await inspectUpload(concat(pdf(), ascii("<svg/onload=alert(1)>\n%%EOF\n")), "x.pdf")).toEqual(mismatch);
  });

  it("refuses a PDF whose %%EOF is further than 1 KB from the end", async () => {
    expect(await inspectUpload(concat(pdf(), new Uint8Array(2048).fill(0x20)), "x.pdf")).toEqual(mismatch);
  });
});

describe("safeFileName", () => {
  it("keeps only the last path component", () => {
    expect(safeFileName("../../etc/passwd", "application/pdf")).toBe("passwd.pdf");
    expect(safeFileName("C:\\x\\y.pdf", "application/pdf")).toBe("y.pdf");
    expect(safeFileName("..\\..\\boot.ini", "image/png")).toBe("boot.png");
  });

  it("removes bidi overrides and control characters, then fixes the extension", () => {
    // Displayed as "invoiceexe.pdf" with the override; really an .exe name.
    expect(safeFileName("invoice\u202Efdp.exe", "application/pdf")).toBe("invoicefdp.pdf");
    expect(safeFileName("a\u0000b\u0007c\r\n.pdf", "application/pdf")).toBe("abc.pdf");
    expect(safeFileName("x\u2066y\u200Bz.png", "image/png")).toBe("xyz.png");
  });

  it("keeps CJK, letters, digits, space and -_.()（）; drops the rest and collapses spaces", () => {
    expect(safeFileName("  2025年  财务报表（终版）(1)_v-2.pdf", "application/pdf")).toBe("2025年 财务报表（终版）(1)_v-2.pdf");
    expect(safeFileName('a<b>"c|d?*e:f.pdf', "application/pdf")).toBe("abcdef.pdf");
    expect(safeFileName("naïve café.jpg", "image/jpeg")).toBe("naïve café.jpg");
  });

  it("drops leading dots and falls back when nothing is left", () => {
    expect(safeFileName(".htaccess", "image/png")).toBe("htaccess.png");
    expect(safeFileName("...", "application/pdf")).toBe("文件.pdf");
    expect(safeFileName("", "image/jpeg")).toBe("文件.jpg");
    expect(safeFileName("<>?*", "image/png")).toBe("文件.png");
    expect(safeFileName("../", "application/pdf")).toBe("文件.pdf");
  });

  it("caps the name at 100 characters, extension included", () => {
    const long = `${"长".repeat(300)}.pdf`;
    const name = safeFileName(long, "application/pdf");
    expect(Array.from(name)).toHaveLength(100);
    expect(name.endsWith(".pdf")).toBe(true);
    expect(Array.from(safeFileName("𠀀".repeat(300), "image/png"))).toHaveLength(100);
  });

  it("replaces a wrong extension with the detected type's", () => {
    expect(safeFileName("photo.png", "image/jpeg")).toBe("photo.jpg");
    expect(safeFileName("report.html", "application/pdf")).toBe("report.pdf");
    expect(safeFileName("archive.tar.gz", "application/pdf")).toBe("archive.tar.pdf");
  });
});
