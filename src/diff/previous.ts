import type { Edition } from '../edition/edition.js';

/**
 * The edition a profile is compared with: its edition's `compare_with`, else the latest earlier
 * edition of the same language among those given.
 */
export function previousEdition(edition: Edition, editions: Iterable<Edition>): Edition | undefined {
  const all = [...editions];
  if (edition.compareWith !== undefined) return all.find((e) => e.id === edition.compareWith);
  return all.filter((e) => e.language === edition.language && e.year < edition.year).sort((a, b) => b.year - a.year)[0];
}
