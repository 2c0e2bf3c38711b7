import type { OutlineSection } from '../../edition/edition.js';
import { NoTermbase } from '../../language/printed.js';
import { printedFor } from '../../language/profile-language.js';
import type { Point } from '../../profile/parse.js';
import { sameHeading, sectionsOf, type Section } from '../../profile/sections.js';
import type { Issue, ProfileRule } from '../rule.js';

const marks = (depth: number) => '#'.repeat(depth);

function pointOf(section: Section): Point {
  const start = section.heading.position?.start;
  return { line: start?.line ?? 1, column: start?.column ?? 1 };
}

/** Compares the sections found under one parent with the outline's, recursively. */
function compare(found: Section[], expected: OutlineSection[], depth: number, parent: { name: string; at: Point }, complete: boolean, issues: Issue[]): void {
  let lastIndex = -1;
  let lastTitle = '';
  const seen = new Set<number>();
  for (const section of found) {
    const index = expected.findIndex((e) => sameHeading(e.heading, section.title));
    const label = `'${marks(section.depth)} ${section.title}'`;
    if (index === -1 || section.depth !== depth) {
      const where = depth === 1 ? `top-level section ${label}` : `section ${label} under ${parent.name}`;
      const outlined = expected.map((e) => `'${marks(depth)} ${e.heading}'`).join(', ') || 'no sections';
      issues.push({ at: pointOf(section), severity: 'warning', reason: `unknown ${where}; the outline has ${outlined} there` });
      continue;
    }
    if (seen.has(index)) {
      issues.push({ at: pointOf(section), reason: `section ${label} appears twice` });
      continue;
    }
    if (complete && index < lastIndex) {
      issues.push({ at: pointOf(section), reason: `section ${label} comes after '${marks(depth)} ${lastTitle}'; the outline puts it before` });
    }
    seen.add(index);
    if (index > lastIndex) {
      lastIndex = index;
      lastTitle = section.title;
    }
    const outline = expected[index] as OutlineSection;
    if (complete && outline.sections.length === 0 && section.content.length === 0 && section.sections.length === 0) {
      issues.push({ at: pointOf(section), reason: `section ${label} is empty` });
    }
    compare(section.sections, outline.sections, depth + 1, { name: label, at: pointOf(section) }, complete, issues);
  }
  if (!complete) return;
  expected.forEach((e, index) => {
    if (!seen.has(index)) issues.push({ at: parent.at, reason: `section '${marks(depth)} ${e.heading}' is missing${depth === 1 ? '' : ` under ${parent.name}`}` });
  });
}

export const narrativeOutlineRule: ProfileRule = {
  id: 'narrative-outline',
  description: "At review and final, the narrative has every section of the edition's outline (its headings in the profile's language), in order, none empty.",
  stage: 'valid',
  check(entry) {
    const { profile, data } = entry;
    const printed = printedFor(entry);
    // A language without a termbase is the terms rule's error; its headings are compared as the edition writes them.
    const edition = printed instanceof NoTermbase ? entry.edition : printed.edition;
    const issues: Issue[] = [];
    const { sections } = sectionsOf(profile.tree);
    const afterFrontMatter = { line: profile.bodyLine, column: 1 };
    compare(sections, edition.outline, 1, { name: 'the narrative', at: afterFrontMatter }, data.status !== 'draft', issues);
    return issues;
  },
};
