import { inflateRawSync } from 'node:zlib';

/**
 * What a workbook may hold once inflated. The index's dataset is some 200 rows by 40 columns: its
 * sheet XML is about half a megabyte. A zip bomb of 1.5 MB inflated to 1.7 GB in exceljs, which
 * inflates every entry before anything can be checked; these limits are checked first.
 */
export const workbookLimits = {
  /** Bytes of the .xlsx file itself. */
  fileBytes: 20 * 1024 * 1024,
  /** Bytes of all its entries inflated. */
  inflatedBytes: 16 * 1024 * 1024,
  /** Rows of the sheet read. */
  rows: 2_000,
} as const;

const endOfDirectory = 0x06054b50;
const directoryEntry = 0x02014b50;
const localHeader = 0x04034b50;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  headerOffset: number;
}

/** The entries a zip's central directory lists, or why it cannot be read. */
export function zipEntries(zip: Buffer): ZipEntry[] | string {
  const searchFrom = Math.max(0, zip.length - 0xffff - 22);
  let end = -1;
  for (let index = zip.length - 22; index >= searchFrom; index -= 1) {
    if (zip.readUInt32LE(index) === endOfDirectory) {
      end = index;
      break;
    }
  }
  if (end === -1) return 'not a zip file (no central directory)';
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index += 1) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== directoryEntry) return 'its zip directory is damaged';
    const nameLength = zip.readUInt16LE(offset + 28);
    entries.push({
      name: zip.toString('utf8', offset + 46, offset + 46 + nameLength),
      method: zip.readUInt16LE(offset + 10),
      compressedSize: zip.readUInt32LE(offset + 20),
      size: zip.readUInt32LE(offset + 24),
      headerOffset: zip.readUInt32LE(offset + 42),
    });
    offset += 46 + nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return entries;
}

/**
 * Why a workbook is too large to open, judged from its zip directory and then by inflating each
 * entry with a cap at its stated size (a zip may understate it), or undefined if it is within limits.
 */
export function workbookTooLarge(zip: Buffer): string | undefined {
  if (zip.length > workbookLimits.fileBytes) return `the workbook is ${mb(zip.length)}; at most ${mb(workbookLimits.fileBytes)} is read`;
  const entries = zipEntries(zip);
  if (typeof entries === 'string') return undefined; // exceljs says what is wrong with it
  let total = 0;
  for (const entry of entries) {
    total += entry.size;
    if (entry.size === 0xffffffff || total > workbookLimits.inflatedBytes) {
      return `the workbook inflates to more than ${mb(workbookLimits.inflatedBytes)} (${entry.name} alone is ${mb(entry.size)}); a dataset is well under 1 MB`;
    }
  }
  for (const entry of entries) {
    if (entry.method !== 8 || entry.headerOffset + 30 > zip.length || zip.readUInt32LE(entry.headerOffset) !== localHeader) continue;
    const start = entry.headerOffset + 30 + zip.readUInt16LE(entry.headerOffset + 26) + zip.readUInt16LE(entry.headerOffset + 28);
    try {
      inflateRawSync(zip.subarray(start, start + entry.compressedSize), { maxOutputLength: Math.max(1, entry.size) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return `${entry.name} inflates to more than the ${mb(entry.size)} its zip directory states`;
    }
  }
  return undefined;
}

function mb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
