import { crc32 } from "node:zlib";

// A ZIP archive of files stored as they are (method 0): the batch's PDFs are compressed already,
// so deflating them again would cost a core for nothing. Names are UTF-8 (general purpose flag
// bit 11), so Chinese file names read right in every current unzip tool. No ZIP64: a batch's
// PDFs stay far below 4 GB and 65,535 files.

export type ZipEntry = { name: string; bytes: Uint8Array };

const UTF8_NAMES = 0x0800;

/** MS-DOS time and date of `at` in Beijing, as ZIP headers hold them. */
function dosDateTime(at: Date): { time: number; date: number } {
  const beijing = new Date(at.getTime() + 8 * 3600_000);
  const time = (beijing.getUTCHours() << 11) | (beijing.getUTCMinutes() << 5) | Math.floor(beijing.getUTCSeconds() / 2);
  const date = ((beijing.getUTCFullYear() - 1980) << 9) | ((beijing.getUTCMonth() + 1) << 5) | beijing.getUTCDate();
  return { time, date };
}

export function zipArchive(entries: readonly ZipEntry[], at: Date = new Date()): Buffer {
  const { time, date } = dosDateTime(at);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const crc = crc32(entry.bytes);
    const size = entry.bytes.byteLength;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(0, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(size, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, Buffer.from(entry.bytes.buffer, entry.bytes.byteOffset, size));

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    // Made on "Unix": unzip tools then take the names as they are (for an MS-DOS host, some
    // convert them from an OEM code page and garble the Chinese) and the mode below as the file's.
    central.writeUInt16LE((3 << 8) | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(UTF8_NAMES, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(size, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    // extra, comment, disk, internal attributes: 0; external attributes: a regular file, rw-r--r--
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + size;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
