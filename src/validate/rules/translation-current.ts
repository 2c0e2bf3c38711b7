import { NoTermbase } from '../../language/printed.js';
import { printedFor } from '../../language/profile-language.js';
import { outlinePaths, sectionFingerprints, translatedSourcePath } from '../../profile/translation.js';
import type { Issue, ProfileRule } from '../rule.js';

export const translationCurrentRule: ProfileRule = {
  id: 'translation-current',
  description: 'A translation has translated the current text of every section of its source: the fingerprint it records per section (`ocindex translate --mark-current`) is the source\'s. A warning, an error at final.',
  stage: 'valid',
  check(entry) {
    const { translation, edition, data, profile } = entry;
    if (!translation) return [];
    const printed = printedFor(entry);
    const fingerprints = sectionFingerprints(translation.source.profile, edition.outline);
    const recorded = data.translated ?? {};
    const sourcePath = translatedSourcePath(profile) as string;
    const severity = data.status === 'final' ? 'error' : 'warning';
    if (data.translated === undefined && fingerprints.size > 0) {
      return [{ at: ['translates'], severity, reason: `no section is marked as translated (translated: is absent): translate the narrative, then run ocindex translate --mark-current ${profile.file.path}` }];
    }
    const issues: Issue[] = [];
    for (const section of outlinePaths(edition.outline, printed instanceof NoTermbase ? edition.outline : printed.edition.outline)) {
      const current = fingerprints.get(section.key);
      if (current === undefined || recorded[section.key] === current) continue;
      const named = `section '${section.printed.join(' / ')}' (${section.key})`;
      const why = recorded[section.key] === undefined ? 'is not marked as translated' : `changed in ${sourcePath} since it was translated`;
      issues.push({
        at: recorded[section.key] === undefined ? ['translated'] : ['translated', section.key],
        severity,
        reason: `${named} ${why}: bring the translation up to date, then run ocindex translate --mark-current ${profile.file.path}`,
      });
    }
    return issues;
  },
};
