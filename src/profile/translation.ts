import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { OutlineSection } from '../edition/edition.js';
import type { Profile } from './parse.js';
import { sameHeading, sectionsOf, type Section } from './sections.js';

/**
 * A translation is a profile of its own beside its source (content/goci-2021/fr/azerbaijan.md)
 * whose front-matter names the source (`translates: ../azerbaijan.md`) and its language; it takes
 * the edition, country, geography, scores and ranks from the source. These keys it may repeat, if
 * equal; the rest of its front-matter (status, lang, funding, translated) is its own.
 */
export const takenFromSource = ['edition', 'country', 'continent', 'region', 'criminality', 'resilience'] as const;

/** The path of the source a profile translates, relative to the working folder; undefined for a profile that is no translation. */
export function translatedSourcePath(profile: Pick<Profile, 'data' | 'file'>): string | undefined {
  const translates = profile.data.translates;
  return typeof translates === 'string' ? join(dirname(profile.file.path), translates) : undefined;
}

/** A translation's front-matter over its source's: its own fields, the source's scores and geography. */
export function mergedData(own: Record<string, unknown>, source: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...source, ...own };
  for (const key of takenFromSource) if (key in source) merged[key] = source[key];
  // The source's funding statement is in the source's language: a translation states its own.
  if (!('funding' in own)) delete merged.funding;
  return merged;
}

/** The key of an outline section in `translated:`: its headings from the top, in the edition's language ("Criminality / Criminal markets / People"). */
export const sectionKey = (headings: string[]): string => headings.join(' / ');

/** One section of the outline: its key, its headings in the edition's language and as the translation prints them. */
export interface OutlinePath {
  key: string;
  headings: string[];
  printed: string[];
}

/** Every section of an outline, top-down, with the same section's headings in another outline of the same shape. */
export function outlinePaths(outline: OutlineSection[], printed: OutlineSection[], above: { headings: string[]; printed: string[] } = { headings: [], printed: [] }): OutlinePath[] {
  return outline.flatMap((section, index) => {
    const headings = [...above.headings, section.heading];
    const other = printed[index];
    const printedHeadings = [...above.printed, other?.heading ?? section.heading];
    return [{ key: sectionKey(headings), headings, printed: printedHeadings }, ...outlinePaths(section.sections, other?.sections ?? [], { headings, printed: printedHeadings })];
  });
}

/** The text of a section's own blocks (not its subsections'), whitespace folded: rewrapping a paragraph changes nothing. */
function ownText(profile: Profile, section: Section): string {
  const first = section.content[0]?.position?.start.offset;
  const last = section.content.at(-1)?.position?.end.offset;
  if (first === undefined || last === undefined) return '';
  return profile.text.slice(first, last).replace(/\s+/g, ' ').trim();
}

/** A short, stable fingerprint of a section's text. */
const fingerprint = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 12);

/**
 * The fingerprint of each outline section of a source narrative, by section key: what a translation
 * records as translated (`ocindex translate --mark-current`). A section the narrative lacks, or
 * that holds nothing but subsections, is absent.
 */
export function sectionFingerprints(source: Profile, outline: OutlineSection[]): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (sections: Section[], expected: OutlineSection[], above: string[]): void => {
    for (const outlined of expected) {
      const section = sections.find((s) => sameHeading(s.title, outlined.heading));
      if (!section) continue;
      const headings = [...above, outlined.heading];
      // A heading with nothing of its own above its subsections has nothing to translate.
      const text = ownText(source, section);
      if (text !== '') found.set(sectionKey(headings), fingerprint(text));
      walk(section.sections, outlined.sections, headings);
    }
  };
  walk(sectionsOf(source.tree).sections, outline, []);
  return found;
}
