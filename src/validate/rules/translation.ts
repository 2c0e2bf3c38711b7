import { isDeepStrictEqual } from 'node:util';
import { primaryLanguage } from '../../language/termbase.js';
import { fieldName } from '../../profile/data.js';
import { takenFromSource, translatedSourcePath } from '../../profile/translation.js';
import type { Issue, ProfileRule } from '../rule.js';

/** Every leaf of a front-matter value with its path: criminality.score, criminality.rank.global, ... */
function leaves(value: unknown, path: string[]): { path: string[]; value: unknown }[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [{ path, value }];
  return Object.entries(value).flatMap(([key, inner]) => leaves(inner, [...path, key]));
}

const valueAt = (data: unknown, path: string[]): unknown =>
  path.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), data);

export const translationRule: ProfileRule = {
  id: 'translation',
  description: "A translation (`translates:`) states a language other than its source's, repeats none of its source's scores or geography differently, is final only when its source is, and states its own funding line when the source has one.",
  stage: 'valid',
  check({ translation, data, edition, profile }) {
    if (!translation) return [];
    const { source, own } = translation;
    const sourcePath = translatedSourcePath(profile) as string;
    const issues: Issue[] = [];
    for (const key of takenFromSource) {
      for (const leaf of leaves(own[key], [key])) {
        if (leaf.value === undefined) continue;
        const expected = valueAt(source.data, leaf.path);
        if (isDeepStrictEqual(leaf.value, expected)) continue;
        issues.push({
          at: leaf.path,
          part: 'value',
          reason: `${fieldName(leaf.path)} is ${String(leaf.value)} here but ${expected === undefined ? 'absent' : String(expected)} in its source ${sourcePath}: a translation takes its scores and geography from its source; remove the line (or change the source)`,
        });
      }
    }
    if (typeof own.lang !== 'string' || primaryLanguage(own.lang) === primaryLanguage(source.data.lang ?? edition.language)) {
      issues.push({ at: typeof own.lang === 'string' ? ['lang'] : ['translates'], reason: `a translation states its language (lang: fr), other than its source's (${source.data.lang ?? edition.language})` });
    }
    if (data.status === 'final' && source.data.status !== 'final') {
      issues.push({ at: ['status'], part: 'value', reason: `a translation is final only when its source is; ${sourcePath} is ${source.data.status}` });
    }
    if (source.data.funding !== undefined && own.funding === undefined) {
      issues.push({ at: ['translates'], reason: `its source ${sourcePath} has a funding line: state it in this translation's language (funding: ...)` });
    }
    return issues;
  },
};
