import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import { packagePath } from '../package/paths.js';
import { readInputSync } from '../read/bounded.js';

/**
 * The characters the print can show: those every font face the stylesheet inlines has a glyph
 * for. The engine has no other fonts to fall back on but the machine's, which would make the PDF
 * depend on the machine (and an emoji print as an empty box). A character one face lacks is
 * reported, so a face is taken as the union of its subsets (latin, latin-ext: each a @font-face
 * with the same weight and style) and the print's coverage as what every face has.
 */

const require = createRequire(import.meta.url);
const stylesheets = ['profile.css', 'press.css'];

interface Face {
  key: string;
  file: string;
}

/** The @font-face rules of the stylesheets: their weight and style, and the package file they inline. */
function facesOf(css: string): Face[] {
  const faces: Face[] = [];
  for (const [rule] of css.matchAll(/@font-face\s*{[^}]*}/g)) {
    const file = /url\(\s*['"]?([^'")]+\.woff)['"]?\s*\)/.exec(rule)?.[1];
    if (!file) continue;
    const weight = /font-weight:\s*([^;]+);/.exec(rule)?.[1]?.trim() ?? '400';
    const style = /font-style:\s*([^;]+);/.exec(rule)?.[1]?.trim() ?? 'normal';
    const family = /font-family:\s*([^;]+);/.exec(rule)?.[1]?.trim() ?? '';
    faces.push({ key: `${family} ${weight} ${style}`, file: require.resolve(file) });
  }
  return faces;
}

/** The code points a WOFF 1.0 font maps to a glyph (its cmap table: format 4 or 12). */
export function woffCharacters(woff: Buffer): Set<number> {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 font');
  const tables = woff.readUInt16BE(12);
  for (let index = 0; index < tables; index += 1) {
    const entry = 44 + 20 * index;
    if (woff.toString('latin1', entry, entry + 4) !== 'cmap') continue;
    const [offset, compressed, original] = [woff.readUInt32BE(entry + 4), woff.readUInt32BE(entry + 8), woff.readUInt32BE(entry + 12)];
    const raw = woff.subarray(offset, offset + compressed);
    return cmapCharacters(compressed < original ? inflateSync(raw) : raw);
  }
  throw new Error('the font has no cmap table');
}

function cmapCharacters(cmap: Buffer): Set<number> {
  const records = Array.from({ length: cmap.readUInt16BE(2) }, (_, i) => ({ platform: cmap.readUInt16BE(4 + 8 * i), encoding: cmap.readUInt16BE(6 + 8 * i), offset: cmap.readUInt32BE(8 + 8 * i) }));
  const unicode = (r: (typeof records)[number]) => r.platform === 0 || (r.platform === 3 && (r.encoding === 1 || r.encoding === 10));
  const twelve = records.find((r) => unicode(r) && cmap.readUInt16BE(r.offset) === 12);
  if (twelve) return format12(cmap, twelve.offset);
  const four = records.find((r) => unicode(r) && cmap.readUInt16BE(r.offset) === 4);
  if (four) return format4(cmap, four.offset);
  throw new Error('the font has no Unicode cmap of format 4 or 12');
}

function format12(cmap: Buffer, at: number): Set<number> {
  const found = new Set<number>();
  const groups = cmap.readUInt32BE(at + 12);
  for (let group = 0; group < groups; group += 1) {
    const entry = at + 16 + 12 * group;
    for (let code = cmap.readUInt32BE(entry); code <= cmap.readUInt32BE(entry + 4); code += 1) found.add(code);
  }
  return found;
}

function format4(cmap: Buffer, at: number): Set<number> {
  const found = new Set<number>();
  const segments = cmap.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  for (let segment = 0; segment < segments; segment += 1) {
    const [start, end] = [cmap.readUInt16BE(starts + 2 * segment), cmap.readUInt16BE(ends + 2 * segment)];
    const rangeAt = rangeOffsets + 2 * segment;
    const rangeOffset = cmap.readUInt16BE(rangeAt);
    for (let code = start; code <= end && code !== 0xffff; code += 1) {
      // With a range offset the glyph comes from the glyph array, and 0 there means none.
      if (rangeOffset === 0 || cmap.readUInt16BE(rangeAt + rangeOffset + 2 * (code - start)) !== 0) found.add(code);
    }
  }
  return found;
}

let coverage: Set<number> | undefined;

/** What every inlined face can show, read from the fonts once per process. */
export function printableCharacters(): Set<number> {
  if (coverage) return coverage;
  const byFace = new Map<string, Set<number>>();
  for (const name of stylesheets) {
    const path = packagePath('templates', name);
    for (const face of facesOf(readInputSync(path, { shown: path, what: 'a stylesheet' }).toString('utf8'))) {
      const characters = byFace.get(face.key) ?? new Set<number>();
      for (const code of woffCharacters(readInputSync(face.file, { shown: face.file, limit: 8 * 1024 * 1024, what: 'a font' }))) characters.add(code);
      byFace.set(face.key, characters);
    }
  }
  const [first, ...others] = [...byFace.values()];
  coverage = new Set([...(first ?? [])].filter((code) => others.every((face) => face.has(code))));
  return coverage;
}
