import type { Edition } from '../edition/edition.js';
import type { FieldChange } from '../profile/edit.js';
import { fieldAt, fieldName } from '../profile/data.js';
import { formatHundredths, formatScore } from '../scoring/exact.js';
import { groupBy, placeOf, rankFields } from '../scoring/ranks.js';
import { listed, plural } from '../text/english.js';
import { repairCommand } from '../validate/validate.js';
import { dirname } from 'node:path';
import type { ValidProfile } from '../profile/valid.js';

export interface ProfileFix {
  entry: ValidProfile;
  changes: (FieldChange & { from: string })[];
}

/**
 * What --fix changes: every composite recomputed from the indicators, and, where the corpus
 * holds every country of the edition, every rank recomputed from those composites.
 */
export function planFixes(valid: ValidProfile[]): { fixes: ProfileFix[]; unrankedEditions: Edition[] } {
  const changes = new Map<ValidProfile, ProfileFix['changes']>(valid.map((v) => [v, []]));
  const change = (entry: ValidProfile, path: string[], stated: string, expected: string) => {
    if (stated !== expected) changes.get(entry)?.push({ path, text: expected, from: stated });
  };
  for (const entry of valid) {
    const { data, composites } = entry;
    for (const group of composites.groups.values()) {
      const path = [...group.path, 'score'];
      change(entry, path, formatScore(fieldAt(data, path) as number), formatHundredths(group.hundredths));
    }
    change(entry, ['criminality', 'score'], formatScore(data.criminality.score), formatHundredths(composites.criminality));
  }
  const unrankedEditions: Edition[] = [];
  for (const [edition, entries] of groupBy(valid, (v) => v.edition)) {
    const placed = entries.flatMap((entry) => {
      const country = edition.countryByName.get(entry.data.country);
      return country ? [{ entry, ...placeOf(country) }] : [];
    });
    if (new Set(placed.map((p) => p.entry.data.country)).size !== edition.countries.length || placed.length !== entries.length) {
      unrankedEditions.push(edition);
      continue;
    }
    for (const { item, path, rank } of rankFields(placed, (p, measure) => p.entry.composites[measure])) {
      change(item.entry, path, String(fieldAt(item.entry.data, path)), String(rank));
    }
  }
  const fixes = [...changes].filter(([, list]) => list.length > 0).map(([entry, list]) => ({ entry, changes: list }));
  return { fixes, unrankedEditions };
}

export function describeFix(fix: ProfileFix): string[] {
  return fix.changes.map((c) => `${fix.entry.profile.file.path}: ${fieldName(c.path)} ${c.from} -> ${c.text}`);
}

/**
 * What --fix of some files does not write: the ranks it moves in other profiles of their editions,
 * one line per edition folder naming them and the command that writes them ("" when none moved).
 */
export function describeMovedRanks(others: ProfileFix[]): string {
  const byFolder = groupBy(others, (fix) => dirname(fix.entry.profile.file.path));
  return [...byFolder]
    .map(([folder, fixes]) => {
      const names = fixes.map((fix) => fix.entry.data.country).sort();
      return `ranks move in ${plural(names.length, 'other profile')} of ${folder}, not written: ${listed(names, 'and')}; \`${repairCommand(folder)}\` writes them\n`;
    })
    .join('');
}
