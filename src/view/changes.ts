import { formatChange, measuresOf } from '../diff/measures.js';
import type { ValidProfile } from '../profile/valid.js';

/** The printed change of a score or indicator by key, or null (not compared, or new). */
export type ChangeOf = (key: string) => string | null;

/**
 * The changes since the edition named by the profile's edition's `compare_with`: an arrow and
 * the signed difference with two decimals, as the page prints scores ("↑ +0.50", "↓ −1.50", "±0.00"), with a true minus sign.
 */
export function changesSince(entry: ValidProfile): ChangeOf {
  if (!entry.previous) return () => null;
  const before = new Map(measuresOf(entry.previous).map((m) => [m.key, m.hundredths]));
  const now = new Map(measuresOf(entry).map((m) => [m.key, m]));
  return (key) => {
    const measure = now.get(key);
    const old = before.get(key);
    if (!measure || old === undefined) return null;
    const delta = measure.hundredths - old;
    const arrow = delta > 0 ? '↑ ' : delta < 0 ? '↓ ' : '';
    return `${arrow}${formatChange('score', delta).replace('-', '\u2212')}`;
  };
}
