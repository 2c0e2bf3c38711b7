import type { Edition } from '../edition/edition.js';
import type { ValidProfile } from '../profile/valid.js';

/**
 * The edition a profile is compared with: its edition's `compare_with`, else the latest earlier
 * edition of the same language among those given.
 */
export function previousEdition(edition: Edition, editions: Iterable<Edition>): Edition | undefined {
  const all = [...editions];
  if (edition.compareWith !== undefined) return all.find((e) => e.id === edition.compareWith);
  return all.filter((e) => e.language === edition.language && e.year < edition.year).sort((a, b) => b.year - a.year)[0];
}

/** Links each profile of an edition with `compare_with` to its country's profile in that edition, if present. */
export function attachPrevious(valid: ValidProfile[]): void {
  const byKey = new Map(valid.map((entry) => [`${entry.edition.id}/${entry.data.country}`, entry]));
  for (const entry of valid) {
    if (entry.edition.compareWith === undefined) continue;
    const previous = byKey.get(`${entry.edition.compareWith}/${entry.data.country}`);
    if (previous) entry.previous = previous;
  }
}
