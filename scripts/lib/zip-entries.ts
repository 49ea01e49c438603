/**
 * Reads the files of a zip archive (stored or deflated entries, which is what WXT and Pyodide write), so the
 * store check can look inside the shipped python_stdlib.zip and the tests can open the packages WXT zips.
 * Synchronous and dependency-free: the archives here are a few megabytes.
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  path: string;
  bytes: Buffer;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;

/** Every file in the archive, in central-directory order (directories left out). Throws on what it cannot read. */
export function zipEntries(zip: Buffer): ZipEntry[] {
  // The end record is in the last 22 bytes plus a comment of at most 65,535 bytes.
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip archive (no end of central directory)');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL_FILE_HEADER) throw new Error(`bad central directory entry ${i}`);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localAt = zip.readUInt32LE(at + 42);
    const path = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (path.endsWith('/')) continue;
    if (zip.readUInt32LE(localAt) !== LOCAL_FILE_HEADER) throw new Error(`bad local header for ${path}`);
    const dataAt = localAt + 30 + zip.readUInt16LE(localAt + 26) + zip.readUInt16LE(localAt + 28);
    const data = zip.subarray(dataAt, dataAt + compressedSize);
    if (method === 0) entries.push({ path, bytes: Buffer.from(data) });
    else if (method === 8) entries.push({ path, bytes: inflateRawSync(data) });
    else throw new Error(`${path}: compression method ${method} is not supported`);
  }
  return entries;
}
