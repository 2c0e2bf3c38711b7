import type { Heading } from 'mdast';
import type { PageFit } from '../engine/copy-fit.js';
import { describeOverflow } from '../engine/pdf.js';
import { sameHeading, sectionsOf, type Section } from '../profile/sections.js';
import type { ValidProfile } from '../profile/valid.js';
import type { RuleSettings } from '../validate/validate.js';
import { copyFitCheck } from './copy-fit-id.js';

const copyFitRuleId = copyFitCheck.id;

function add(entry: ValidProfile, reason: string, place: { line: number; column: number }, settings: RuleSettings): void {
  const setting = settings[copyFitRuleId];
  if (setting === 'off') return;
  const message = entry.profile.file.message(reason, { place, ruleId: copyFitRuleId, source: 'ocindex' });
  message.fatal = setting !== 'warning';
}

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
export function reportFit(entry: ValidProfile, fits: PageFit[], settings: RuleSettings = {}): void {
  for (const fit of fits.filter((f) => !f.fits)) add(entry, describeOverflow(fit, entry.edition), placeOf(entry, fit), settings);
}

/** A profile whose layout could not be measured cannot pass the gate. */
export function reportUnmeasured(entry: ValidProfile, reason: string, settings: RuleSettings = {}): void {
  add(entry, `copy-fit not measured: ${reason}`, { line: 1, column: 1 }, settings);
}
