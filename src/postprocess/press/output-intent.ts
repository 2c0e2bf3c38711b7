import { readInputSync } from '../../read/bounded.js';
import { deflateSync } from 'node:zlib';
import { PDFName, PDFNumber, PDFRawStream, PDFString, type PDFDocument } from 'pdf-lib';
import { InputError } from '../../errors.js';
import { packagePath } from '../../package/paths.js';

/** A CMYK output profile and the printing condition it stands for. */
export interface OutputProfile {
  /** The profile's own description ("Coated FOGRA39 (...)"). */
  description: string;
  /** The OutputConditionIdentifier: a name of the ICC's registry of characterizations, or "Custom". */
  condition: string;
  /** The profile, Flate-compressed once for every PDF that embeds it. */
  compressed: Uint8Array;
}

/** Built by scripts/build-icc.sh from the FOGRA39 characterization data (templates/icc/NOTICE.md). */
export const defaultIccFile = packagePath('templates', 'icc', 'FOGRA39-ocindex.icc');

function ascii(bytes: Buffer, start: number, length: number): string {
  return bytes.toString('latin1', start, start + length);
}

/** The text of the profile's 'desc' tag: ICC v2 textDescriptionType or v4 multiLocalizedUnicodeType. */
function description(icc: Buffer): string | undefined {
  const count = icc.readUInt32BE(128);
  for (let i = 0; i < count; i += 1) {
    const entry = 132 + 12 * i;
    if (ascii(icc, entry, 4) !== 'desc') continue;
    const at = icc.readUInt32BE(entry + 4);
    const type = ascii(icc, at, 4);
    if (type === 'desc') return ascii(icc, at + 12, icc.readUInt32BE(at + 8)).replace(/\0+$/, '');
    if (type === 'mluc') {
      const length = icc.readUInt32BE(at + 20);
      const offset = icc.readUInt32BE(at + 24);
      return Buffer.from(icc.subarray(at + offset, at + offset + length)).swap16().toString('utf16le');
    }
  }
  return undefined;
}

/** Output profiles are a few megabytes at most (FOGRA39 is about 650 KB). */
const maxIccBytes = 16 * 1024 * 1024;

const cache = new Map<string, OutputProfile>();

/**
 * Reads a CMYK output ICC profile (an output device class, CMYK data); anything else is refused with
 * the file's name. The default is the toolkit's FOGRA39 profile.
 */
export function loadOutputProfile(file = defaultIccFile): OutputProfile {
  const cached = cache.get(file);
  if (cached) return cached;
  const icc = readInputSync(file, { shown: file, limit: maxIccBytes, what: 'an ICC profile' });
  if (icc.length < 132 || ascii(icc, 36, 4) !== 'acsp') throw new InputError(`${file}: not an ICC profile`);
  if (ascii(icc, 12, 4) !== 'prtr' || ascii(icc, 16, 4) !== 'CMYK') {
    throw new InputError(`${file}: a press PDF needs a CMYK output profile; this one is ${ascii(icc, 16, 4).trim()} (${ascii(icc, 12, 4)})`);
  }
  const desc = description(icc) ?? 'CMYK output profile';
  const profile = { description: desc, condition: file === defaultIccFile ? 'FOGRA39' : 'Custom', compressed: deflateSync(icc, { level: 9 }) };
  cache.set(file, profile);
  return profile;
}

/** The output intent of PDF/X (ISO 15930-7, 6.2.4): the printing condition and its embedded profile. */
export function addOutputIntent(doc: PDFDocument, profile: OutputProfile): void {
  const { context } = doc;
  const stream = PDFRawStream.of(context.obj({ N: 4, Filter: 'FlateDecode', Length: PDFNumber.of(profile.compressed.length) }), profile.compressed);
  const intent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFX',
    OutputConditionIdentifier: PDFString.of(profile.condition),
    OutputCondition: PDFString.of(profile.description),
    Info: PDFString.of(profile.description),
    RegistryName: PDFString.of('http://www.color.org'),
    DestOutputProfile: context.register(stream),
  });
  doc.catalog.set(PDFName.of('OutputIntents'), context.obj([context.register(intent)]));
}
