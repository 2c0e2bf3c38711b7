import { closest, distance } from 'fastest-levenshtein';

/** "; did you mean X?" when one of the candidates is close enough to be the intended one, else "". */
export function didYouMean(name: string, candidates: string[]): string {
  const best = closest(name, candidates);
  return best !== undefined && distance(name, best) <= Math.max(2, Math.floor(name.length / 3)) ? `; did you mean ${best}?` : '';
}

/** ["a", "b", "c"] -> "a, b or c" (or "a, b and c"). */
export function listed(items: string[], conjunction: 'or' | 'and' = 'or'): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}

/** plural(1, 'profile') -> "1 profile", plural(2, 'profile') -> "2 profiles". */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
