import { zipSync, type Zippable } from "fflate";

// A ZIP archive of files stored as they are (level 0): the batch's PDFs are compressed already, so
// deflating them again would cost a core for nothing. fflate (already pdfkit's own inflater) writes
// it, marking non-ASCII names as UTF-8 (general purpose flag bit 11) so Chinese file names read
// right in every current unzip tool. Entries are marked as made on Unix: for an MS-DOS host some
// tools convert names from an OEM code page and garble the Chinese.

export type ZipEntry = { name: string; bytes: Uint8Array };

const UNIX = 3;
/** A regular file, rw-r--r--, in the high half of the external attributes. */
const REGULAR_FILE = 0o100644 * 0x10000;
const BEIJING_OFFSET_MINUTES = 8 * 60;

export function zipArchive(entries: readonly ZipEntry[], at: Date = new Date()): Buffer {
  // ZIP headers hold local wall-clock time and fflate reads it with the process's zone: shift the
  // instant so that zone shows Beijing's time.
  const mtime = new Date(at.getTime() + (BEIJING_OFFSET_MINUTES + at.getTimezoneOffset()) * 60_000);
  const files: Zippable = Object.fromEntries(entries.map((e) => [e.name, [e.bytes, { level: 0 as const, mtime, os: UNIX, attrs: REGULAR_FILE }]]));
  if (Object.keys(files).length !== entries.length) throw new Error("two entries of the archive have the same name");
  const zipped = zipSync(files);
  return Buffer.from(zipped.buffer, zipped.byteOffset, zipped.byteLength);
}
