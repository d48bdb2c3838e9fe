import { fileTypeFromBuffer } from "file-type";
import { MAX_DOCUMENT_BYTES } from "@/lib/documents/limits";
import { AppError } from "@/lib/errors";
import { words, type Words } from "@/lib/i18n/words";
// The name a file keeps when its own has nothing usable left: stored with the file and shown to
// every reader as it was saved, so it is data (in the programme's language), not a reader's word.
import storedNames from "@/lib/documents/stored-names.json";

// Checks an upload by its content, never by its name: the type comes from the magic bytes, the
// file must end the way its format ends (so nothing rides along after the image or the PDF), and
// no markup a browser might execute may sit at either end. Pure: no I/O.

export { MAX_DOCUMENT_BYTES };

export const DOCUMENT_MIME_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;
export type DocumentMimeType = (typeof DOCUMENT_MIME_TYPES)[number];

export type UploadInspection = { mimeType: DocumentMimeType; safeName: string };

export const INSPECT_MESSAGES = {
  empty: words("case.documents.empty"),
  tooLarge: words("case.documents.tooLarge"),
  unsupported: words("case.documents.unsupported"),
  mismatch: words("case.documents.mismatch"),
} as const;

/** The extensions a name may keep for each type; the first is the one added when missing. */
const EXTENSIONS: Record<DocumentMimeType, readonly string[]> = {
  "application/pdf": ["pdf"],
  "image/jpeg": ["jpg", "jpeg"],
  "image/png": ["png"],
};

const FALLBACK_BASE = storedNames.fallbackBase;
const MAX_NAME_CHARS = 100;
const SCAN_WINDOW = 4096;
const PDF_EOF_WINDOW = 1024;
const MARKUP = ["<script", "<html", "<svg", "<?php"];
const PNG_IEND = [0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];

/** A refused file, on the upload's `file` field (VALIDATION: 400 from the route). */
const refused = (message: Words): AppError => new AppError("VALIDATION", message, { file: [message] });

/** The file's type and a safe name, or a VALIDATION AppError saying why it is refused. */
export async function inspectUpload(bytes: Uint8Array, declaredName: string): Promise<UploadInspection> {
  if (bytes.byteLength === 0) throw refused(INSPECT_MESSAGES.empty);
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) throw refused(INSPECT_MESSAGES.tooLarge);
  const detected = await fileTypeFromBuffer(bytes);
  const mimeType = DOCUMENT_MIME_TYPES.find((m) => m === detected?.mime);
  if (!mimeType) throw refused(INSPECT_MESSAGES.unsupported);
  if (!endsLikeItsFormat(bytes, mimeType) || containsMarkup(bytes)) throw refused(INSPECT_MESSAGES.mismatch);
  return { mimeType, safeName: safeFileName(declaredName, mimeType) };
}

function endsLikeItsFormat(bytes: Uint8Array, mimeType: DocumentMimeType): boolean {
  switch (mimeType) {
    case "image/png":
      return bytes.byteLength >= PNG_IEND.length && PNG_IEND.every((b, i) => bytes[bytes.byteLength - PNG_IEND.length + i] === b);
    case "image/jpeg": {
      // Some writers pad a JPEG with zeros after EOI; nothing else may follow it.
      let end = bytes.byteLength;
      while (end > 0 && bytes[end - 1] === 0x00) end -= 1;
      return end >= 4 && bytes[end - 2] === 0xff && bytes[end - 1] === 0xd9;
    }
    case "application/pdf":
      return latin1(bytes.subarray(Math.max(0, bytes.byteLength - PDF_EOF_WINDOW))).includes("%%EOF");
  }
}

function containsMarkup(bytes: Uint8Array): boolean {
  const head = latin1(bytes.subarray(0, SCAN_WINDOW)).toLowerCase();
  const tail = latin1(bytes.subarray(Math.max(0, bytes.byteLength - SCAN_WINDOW))).toLowerCase();
  return MARKUP.some((m) => head.includes(m) || tail.includes(m));
}

const latin1 = (bytes: Uint8Array): string => new TextDecoder("latin1").decode(bytes);

// Bidi controls and other invisible format characters can make "invoice\u202Efdp.exe" look
// like "invoiceexe.pdf"; control characters break headers and logs.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
const NOT_ALLOWED = /[^\p{L}\p{N} \-_.()（）]/gu;

/**
 * A name safe to store and to send back in Content-Disposition: the last path component, only
 * letters, digits (any script, so CJK stays), space and -_.()（）, at most 100 characters, ending
 * in an extension that matches the detected type.
 */
export function safeFileName(declaredName: string, mimeType: DocumentMimeType): string {
  const lastComponent = declaredName.split(/[/\\]/).pop() ?? "";
  let name = lastComponent
    .normalize("NFC")
    .replace(INVISIBLE, "")
    .replace(/\s+/gu, " ")
    .replace(NOT_ALLOWED, "")
    .replace(/ {2,}/g, " ")
    .trim()
    .replace(/^[.\s]+/u, "");
  const allowed = EXTENSIONS[mimeType];
  const extension = /\.([A-Za-z0-9]{1,5})$/.exec(name);
  let suffix = allowed[0]!;
  if (extension) {
    const given = extension[1]!.toLowerCase();
    if (allowed.includes(given)) suffix = given;
    // A wrong extension is replaced, not kept in front of the right one.
    name = name.slice(0, extension.index);
  }
  const maxBase = MAX_NAME_CHARS - suffix.length - 1;
  const base = Array.from(name).slice(0, maxBase).join("").replace(/[.\s]+$/u, "").trim();
  return `${base || FALLBACK_BASE}.${suffix}`;
}
