import { csvCell } from '../text/csv.js';
import type { CountryDiff, EditionDiff, MeasureChange } from './compare.js';
import { formatChange, formatMeasure } from './measures.js';

/** How many countries the summary names per direction. */
const moversShown = 5;

const percent = (share: number) => `${Math.round(share * 100)}%`;
const change = (c: MeasureChange) => `${formatMeasure(c.kind, c.from)} -> ${formatMeasure(c.kind, c.to)} (${formatChange(c.kind, c.delta)})`;
const headline = (country: CountryDiff, key: string) => country.changes.find((c) => c.key === key);

/** The countries whose headline score rose (or fell) most, largest first. */
export function biggestMovers(diff: EditionDiff, key: 'criminality' | 'resilience', direction: 1 | -1): { country: string; change: MeasureChange }[] {
  return diff.countries
    .flatMap((country) => {
      const found = headline(country, key);
      return found && Math.sign(found.delta) === direction ? [{ country: country.country, change: found }] : [];
    })
    .sort((a, b) => direction * (b.change.delta - a.change.delta) || a.country.localeCompare(b.country))
    .slice(0, moversShown);
}

function summaryLines(diff: EditionDiff): string[] {
  const count = diff.countries.length;
  const lines = [`${diff.from.id} -> ${diff.to.id}: ${count} ${count === 1 ? 'country' : 'countries'} in both`, 'indicators whose score did not change are left out below; --format csv or json lists every one'];
  if (diff.added.length > 0) lines.push(`new in ${diff.to.id}: ${diff.added.map((a) => a.label).join(', ')}`);
  if (diff.removed.length > 0) lines.push(`not in ${diff.to.id}: ${diff.removed.map((a) => a.label).join(', ')}`);
  if (diff.onlyFrom.length > 0) lines.push(`only in ${diff.from.id}: ${diff.onlyFrom.join(', ')}`);
  if (diff.onlyTo.length > 0) lines.push(`only in ${diff.to.id}: ${diff.onlyTo.join(', ')}`);
  lines.push('biggest movers:');
  for (const key of ['criminality', 'resilience'] as const) {
    for (const [direction, word] of [[1, 'up'], [-1, 'down']] as const) {
      const movers = biggestMovers(diff, key, direction);
      lines.push(`  ${`${key} ${word}:`.padEnd(18)}${movers.map((m) => `${m.country} ${formatChange(m.change.kind, m.change.delta)}`).join(', ') || 'none'}`);
    }
  }
  return lines;
}

function countryLines(country: CountryDiff, diff: EditionDiff): string[] {
  const lines = [country.country];
  const width = Math.max(...country.changes.map((c) => c.label.length), 0) + 2;
  for (const c of country.changes) {
    if (c.delta === 0 && c.kind === 'indicator') continue;
    const ranks = country.ranks.filter((r) => r.measure === c.key);
    const rankText = ranks.length > 0 ? `   rank ${ranks.map((r) => `${r.scope} ${r.from} -> ${r.to}`).join(', ')}` : '';
    lines.push(`  ${c.label.padEnd(width)}${change(c)}${rankText}`);
  }
  const regions = [country.from.data.region, country.to.data.region];
  if (regions[0] !== regions[1]) lines.push(`  region: ${regions.join(' -> ')} (region ranks not compared)`);
  if (country.added.length > 0) lines.push(`  new: ${country.added.map((m) => `${m.label} ${formatMeasure(m.kind, m.hundredths)}`).join(', ')}`);
  lines.push(
    `  narrative: ${country.rewritten === undefined ? `not compared (${[country.from, country.to].filter((p) => p.profile.tree.children.length === 0).map((p) => `no narrative in ${p.edition.id}`).join(', ')})` : `${country.rewrittenAtLeast ? `rewritten: at least ${Math.floor(country.rewritten * 100)}%` : percent(country.rewritten)} of its words changed since ${diff.from.id}`}`,
  );
  return lines;
}

/** For a reader: the summary, then each country with its changed scores and indicators. */
export function humanDiff(diff: EditionDiff): string {
  return [...summaryLines(diff), '', ...diff.countries.flatMap((country) => [...countryLines(country, diff), ''])].join('\n');
}

/** One row per country and measure (score, indicator, rank or narrative), for a spreadsheet. */
export function csvDiff(diff: EditionDiff): string {
  const rows = [['country', 'kind', 'key', 'label', diff.from.id, diff.to.id, 'change']];
  for (const country of diff.countries) {
    for (const c of country.changes) rows.push([country.country, c.kind, c.key, c.label, formatMeasure(c.kind, c.from), formatMeasure(c.kind, c.to), formatChange(c.kind, c.delta)]);
    for (const m of country.added) rows.push([country.country, m.kind, m.key, m.label, '', formatMeasure(m.kind, m.hundredths), '']);
    for (const r of country.ranks) rows.push([country.country, 'rank', `${r.measure}.${r.scope}`, `${r.measure} rank (${r.scope})`, String(r.from), String(r.to), String(r.to - r.from)]);
    if (country.rewritten !== undefined) rows.push([country.country, 'narrative', 'rewritten', `share of words changed${country.rewrittenAtLeast ? ' (at least)' : ''}`, '', '', country.rewritten.toFixed(2)]);
  }
  return rows.map((cells) => `${cells.map(csvCell).join(',')}\n`).join('');
}

/** The whole comparison as one JSON object; numbers as the profiles write them. */
export function jsonDiff(diff: EditionDiff): string {
  const movers = Object.fromEntries(
    (['criminality', 'resilience'] as const).map((key) => [
      key,
      Object.fromEntries(([[1, 'up'], [-1, 'down']] as const).map(([direction, word]) => [word, biggestMovers(diff, key, direction).map((m) => ({ country: m.country, change: formatChange(m.change.kind, m.change.delta) }))])),
    ]),
  );
  return `${JSON.stringify(
    {
      from: diff.from.id,
      to: diff.to.id,
      added: diff.added,
      removed: diff.removed,
      onlyIn: { [diff.from.id]: diff.onlyFrom, [diff.to.id]: diff.onlyTo },
      movers,
      countries: diff.countries.map((country) => ({
        country: country.country,
        changes: country.changes.map((c) => ({ key: c.key, kind: c.kind, from: formatMeasure(c.kind, c.from), to: formatMeasure(c.kind, c.to), change: formatChange(c.kind, c.delta) })),
        added: country.added.map((m) => ({ key: m.key, kind: m.kind, value: formatMeasure(m.kind, m.hundredths) })),
        ranks: country.ranks.map((r) => ({ measure: r.measure, scope: r.scope, from: r.from, to: r.to })),
        rewritten: country.rewritten ?? null,
        ...(country.rewrittenAtLeast ? { rewrittenAtLeast: true } : {}),
      })),
    },
    null,
    2,
  )}\n`;
}

export const diffFormats = { human: humanDiff, csv: csvDiff, json: jsonDiff } as const;
