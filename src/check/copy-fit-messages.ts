import type { Heading } from 'mdast';
import type { PageFit } from '../render/copy-fit.js';
import { describeOverflow } from '../render/pdf.js';
import { sameHeading, sectionsOf, type Section } from '../profile/sections.js';
import type { ValidProfile } from '../validate/rule.js';

export const copyFitRuleId = 'copy-fit';

function find(sections: Section[], title: string): Heading | undefined {
  for (const section of sections) {
    if (sameHeading(section.title, title)) return section.heading;
    const inner = find(section.sections, title);
    if (inner) return inner;
  }
  return undefined;
}

/** Where a page's overflow is reported: the heading of the section where the text is cut, else that page's heading, else line 1. */
function placeOf(entry: ValidProfile, fit: PageFit): { line: number; column: number } {
  const page = sectionsOf(entry.profile.tree).sections[fit.page - 1];
  const heading = (fit.cutSection && page ? find([page], fit.cutSection) : undefined) ?? page?.heading;
  const start = heading?.position?.start;
  return start ? { line: start.line, column: start.column } : { line: 1, column: 1 };
}

/** Adds a `copy-fit` error to the profile's file for every box whose text does not fit (pages, panels: whatever was measured). */
export function reportFit(entry: ValidProfile, fits: PageFit[]): void {
  for (const fit of fits.filter((f) => !f.fits)) {
    const message = entry.profile.file.message(describeOverflow(fit, entry.edition), { place: placeOf(entry, fit), ruleId: copyFitRuleId, source: 'ocindex' });
    message.fatal = true;
  }
}

/** A profile whose layout could not be measured cannot pass the gate. */
export function reportUnmeasured(entry: ValidProfile, reason: string): void {
  const message = entry.profile.file.message(`copy-fit not measured: ${reason}`, { place: { line: 1, column: 1 }, ruleId: copyFitRuleId, source: 'ocindex' });
  message.fatal = true;
}
