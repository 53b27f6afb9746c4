/**
 * The stored form of a booted Python: Pyodide's memory snapshot plus the files the wheels put in
 * site-packages (a memory snapshot holds the interpreter's memory, not its in-memory file system).
 * One byte string, so Cache Storage keeps or drops both together:
 *
 *   [magic u32][format u32][header length u32][0 u32] header JSON, padded to 16
 *   file bytes, one after another, padded to 16; then Pyodide's snapshot (restoreSnapshot reads
 *   it as 32-bit words, so it starts on a 16-byte boundary).
 */

/** Our format version: bump it when the layout or what Python has imported at snapshot time changes. */
export const SNAPSHOT_FORMAT = 1;
const MAGIC = 0x46_34_53_31; // "F4S1"
const PREFIX = 16;

export interface SnapshotFile {
  /** Relative to site-packages. */
  path: string;
  data: Uint8Array;
}

export interface SnapshotContents {
  /** Which runtime it was made by (content hashes of the core, stdlib and lock file). */
  runtimeKey: string;
  files: SnapshotFile[];
  /** Pyodide's `makeMemorySnapshot()` output. */
  memory: Uint8Array;
}

interface Header {
  runtimeKey: string;
  files: [string, number][];
  memoryOffset: number;
  memoryLength: number;
}

const pad16 = (n: number) => Math.ceil(n / 16) * 16;

/** The parts of the stored form, in order (streamed one after another, they are the byte string; no 30 MB copy here). */
export function packSnapshot(contents: SnapshotContents): Uint8Array[] {
  const filesLength = contents.files.reduce((sum, f) => sum + f.data.length, 0);
  const header: Header = {
    runtimeKey: contents.runtimeKey,
    files: contents.files.map((f) => [f.path, f.data.length]),
    memoryOffset: 0,
    memoryLength: contents.memory.length,
  };
  // The header names the memory's offset, which depends on the header's own length: encode until stable.
  let json = new Uint8Array();
  for (let previous = -1; json.length !== previous;) {
    previous = json.length;
    header.memoryOffset = pad16(pad16(PREFIX + previous) + filesLength);
    json = new TextEncoder().encode(JSON.stringify(header));
  }
  const headerEnd = pad16(PREFIX + json.length);
  const head = new Uint8Array(headerEnd);
  new DataView(head.buffer).setUint32(0, MAGIC, true);
  new DataView(head.buffer).setUint32(4, SNAPSHOT_FORMAT, true);
  new DataView(head.buffer).setUint32(8, json.length, true);
  head.set(json, PREFIX);
  const gap = new Uint8Array(header.memoryOffset - headerEnd - filesLength);
  return [head, ...contents.files.map((f) => f.data), gap, contents.memory];
}

/**
 * Reads a stored snapshot made by `runtimeKey`'s runtime. Throws when it is not one (wrong magic,
 * another format or runtime, cut short): the caller deletes it and boots normally.
 */
export function unpackSnapshot(buffer: ArrayBuffer, runtimeKey: string): SnapshotContents {
  if (buffer.byteLength < PREFIX) throw new Error('snapshot: too short');
  const view = new DataView(buffer);
  if (view.getUint32(0, true) !== MAGIC) throw new Error('snapshot: not a Fix401 snapshot');
  const format = view.getUint32(4, true);
  if (format !== SNAPSHOT_FORMAT) throw new Error(`snapshot: format ${format}, expected ${SNAPSHOT_FORMAT}`);
  const jsonLength = view.getUint32(8, true);
  if (PREFIX + jsonLength > buffer.byteLength) throw new Error('snapshot: header cut short');
  const header = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, PREFIX, jsonLength))) as Header;
  if (header.runtimeKey !== runtimeKey) throw new Error(`snapshot: made by runtime ${header.runtimeKey}, this is ${runtimeKey}`);
  if (header.memoryOffset % 16 !== 0 || header.memoryOffset + header.memoryLength !== buffer.byteLength)
    throw new Error(`snapshot: ${buffer.byteLength} bytes, the header says ${header.memoryOffset + header.memoryLength}`);
  let offset = pad16(PREFIX + jsonLength);
  const files = header.files.map(([path, length]) => {
    const data = new Uint8Array(buffer, offset, length);
    offset += length;
    return { path, data };
  });
  if (offset > header.memoryOffset) throw new Error('snapshot: files overlap the memory');
  return { runtimeKey, files, memory: new Uint8Array(buffer, header.memoryOffset, header.memoryLength) };
}
