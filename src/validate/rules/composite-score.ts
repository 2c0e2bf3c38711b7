import { fieldAt, fieldName } from '../../profile/data.js';
import { formatHundredths, formatScore, hasDecimals, toUnits } from '../../scoring/exact.js';
import type { Issue, ProfileRule } from '../rule.js';

export const compositeScoreRule: ProfileRule = {
  id: 'composite-score',
  description: 'Every composite has exactly two decimals; every group score is the mean of its indicators, criminality the mean of its unrounded group means, rounded half up to 2 decimals.',
  stage: 'valid',
  check({ data, edition, composites }) {
    const issues: Issue[] = [];
    const compare = (path: string[], stated: number, expected: number, why: string) => {
      if (!hasDecimals(stated, 2)) {
        issues.push({ at: path, part: 'value', reason: `${fieldName(path)} is ${stated}; composite scores have two decimals` });
        return;
      }
      if (toUnits(stated, 100) === expected) return;
      issues.push({ at: path, part: 'value', reason: `${fieldName(path)} is ${formatScore(stated)}; ${why} is ${formatHundredths(expected)}` });
    };
    for (const group of composites.groups.values()) {
      const path = [...group.path, 'score'];
      compare(path, fieldAt(data, path) as number, group.hundredths, `the mean of its ${group.count} indicators`);
    }
    const groupNames = edition.criminality.groups.map((g) => g.label.toLowerCase()).join(' and ');
    compare(['criminality', 'score'], data.criminality.score, composites.criminality, `the mean of the unrounded ${groupNames} means`);
    return issues;
  },
};
