// A minimal ZIP reader and writer (no ZIP64, no encryption: what Python's zipfile writes for wheels
// and the stdlib). `createZip` builds wheels deterministically (deflate, fixed timestamps, sorted
// entries): the same input files always give byte-identical output, so wheel hashes can be pinned.
// `storedZip` rewrites an archive uncompressed, for a compressor that then sees the whole file.
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

const DOS_DATE_1980 = (0 << 9) | (1 << 5) | 1; // 1980-01-01, the earliest DOS date
const DOS_TIME_0 = 0;
const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const STORED = 0;
const DEFLATED = 8;
const UTF8_NAMES = 0x0800;

/**
 * @typedef {{ name: string, data: Buffer, time: number, date: number, externalAttr: number, madeBy: number }} ZipEntry
 * `time` and `date` in DOS format, `externalAttr` as in the central directory (Unix mode << 16).
 */

/**
 * @param {ZipEntry[]} entries  written in this order
 * @param {{ deflate: boolean, comment?: Buffer }} options
 * @returns {Buffer}
 */
function writeZip(entries, { deflate, comment = Buffer.alloc(0) }) {
  const method = deflate ? DEFLATED : STORED;
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data, time, date, externalAttr, madeBy } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const body = deflate ? deflateRawSync(data, { level: 9 }) : data;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, nameBytes, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_HEADER, 0);
    central.writeUInt16LE(madeBy, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(UTF8_NAMES, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(externalAttr >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + body.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(comment.length, 20);
  return Buffer.concat([...locals, ...centrals, end, comment]);
}

/**
 * @param {{ name: string, data: Buffer }[]} files  paths use '/', no leading slash
 * @returns {Buffer}
 */
export function createZip(files) {
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const entries = sorted.map(({ name, data }) => ({
    name,
    data,
    time: DOS_TIME_0,
    date: DOS_DATE_1980,
    externalAttr: 0o100644 << 16, // -rw-r--r--
    madeBy: (3 << 8) | 20, // Unix, 2.0
  }));
  return writeZip(entries, { deflate: true });
}

/**
 * The entries of an archive, decompressed and checked against their CRC, and the archive's comment.
 * @param {Buffer} zip
 * @returns {{ entries: ZipEntry[], comment: Buffer }}
 */
export function readZip(zip) {
  let end = -1;
  // The end record is 22 bytes plus a comment of at most 65535, so it is searched from the end.
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at -= 1) {
    if (zip.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new Error('not a ZIP archive: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff) throw new Error('ZIP64 archives are not supported');
  const comment = Buffer.from(zip.subarray(end + 22, end + 22 + zip.readUInt16LE(end + 20)));
  /** @type {ZipEntry[]} */
  const entries = [];
  for (let i = 0; i < count; i += 1) {
    if (zip.readUInt32LE(at) !== CENTRAL_HEADER) throw new Error(`ZIP central directory damaged at entry ${i}`);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) !== LOCAL_HEADER) throw new Error(`ZIP entry ${name}: no local header`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const body = zip.subarray(start, start + compressedSize);
    if (method !== STORED && method !== DEFLATED) throw new Error(`ZIP entry ${name}: compression method ${method} not supported`);
    const data = method === STORED ? Buffer.from(body) : inflateRawSync(body);
    if (crc32(data) !== crc) throw new Error(`ZIP entry ${name}: CRC mismatch`);
    entries.push({
      name,
      data,
      time: zip.readUInt16LE(at + 12),
      date: zip.readUInt16LE(at + 14),
      externalAttr: zip.readUInt32LE(at + 38),
      madeBy: zip.readUInt16LE(at + 4),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return { entries, comment };
}

/**
 * The same archive with every entry stored (uncompressed), names, times, modes and the archive's
 * comment kept, sources before bytecode: a compressor run over the whole file then finds what
 * repeats across entries (zstd: the stdlib 4.71 MB deflated → 2.92 MB; 2.97 MB in the original order).
 * @param {Buffer} zip
 * @returns {Buffer}
 */
export function storedZip(zip) {
  const { entries, comment } = readZip(zip);
  const bytecodeLast = entries
    .map((entry, index) => ({ entry, index, bytecode: entry.name.endsWith('.pyc') }))
    .sort((a, b) => Number(a.bytecode) - Number(b.bytecode) || a.index - b.index)
    .map(({ entry }) => entry);
  return writeZip(bytecodeLast, { deflate: false, comment });
}
