import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { keyOfLabel } from '../edition/names.js';
import { parseSource } from '../profile/parse.js';
import { changedShare, narrativeWords } from './narrative.js';
import { azerbaijan2021, datasetPath, editionIds, projectRoot, readContent, replaceOnce, runCli, tempFolder } from '../testing/support.js';

type Row = Record<string, string>;
const dataset = (edition: string) => parse(readFileSync(datasetPath(edition)), { columns: true }) as Row[];
const places = ['Continent', 'Region', 'Country'];
/** "5.08" -> 508, "4.5" -> 450: the CSV's decimals as exact hundredths. */
const hundredths = (text: string) => Math.round(Number(text) * 100);

interface JsonDiff {
  from: string;
  to: string;
  added: { key: string; label: string }[];
  movers: Record<'criminality' | 'resilience', Record<'up' | 'down', { country: string; change: string }[]>>;
  countries: { country: string; rewrittenAtLeast?: true; changes: { key: string; from: string; to: string; change: string }[]; added: { key: string; value: string }[]; ranks: { measure: string; scope: string; from: number; to: number }[]; rewritten: number | null }[];
}

describe('ocindex diff goci-2023 goci-2025 on the bundled content', async () => {
  const result = await runCli('diff', 'goci-2023', 'goci-2025', '--format', 'json');
  const diff = JSON.parse(result.stdout) as JsonDiff;
  const [old, now] = [dataset('goci-2023'), dataset('goci-2025')];

  it('compares all 39 columns of every country, and region ranks only where the region stayed', async () => {
    expect(result.code).toBe(0);
    expect(diff.added).toEqual([]);
    expect(diff.countries).toHaveLength(193);
    const moved = now.filter((row) => old.find((r) => r.Country === row.Country)!.Region !== row.Region).map((row) => row.Country);
    expect(moved).toHaveLength(22); // Caribbean and Central America apart again, Kiribati from Melanesia to Micronesia
    for (const country of diff.countries) {
      expect(country.changes).toHaveLength(Object.keys(now[0]!).length - places.length);
      expect(country.ranks.map((r) => r.scope)).toEqual(moved.includes(country.country) ? ['global', 'continent', 'global', 'continent'] : ['global', 'continent', 'region', 'global', 'continent', 'region']);
    }
    const human = await runCli('diff', 'goci-2023', 'goci-2025');
    expect(human.stdout).toContain('\n  region: Melanesia -> Micronesia (region ranks not compared)\n');
    expect(human.stdout.split('region ranks not compared')).toHaveLength(23);
  });
});

describe('ocindex diff goci-2021 goci-2023 on the bundled content', async () => {
  const result = await runCli('diff', 'goci-2021', 'goci-2023', '--format', 'json');
  const diff = JSON.parse(result.stdout) as JsonDiff;
  const [old, now] = [dataset('goci-2021'), dataset('goci-2023')];

  it('compares every score and indicator both datasets have, exactly as the CSVs state them', () => {
    expect(result.code).toBe(0);
    expect(diff.countries).toHaveLength(193);
    const common = Object.keys(now[0]!).filter((label) => !places.includes(label) && label in old[0]!);
    expect(common).toHaveLength(30); // criminality, 2 groups, 14 markets and actors, resilience, 12 indicators
    for (const row of now) {
      const before = old.find((r) => r.Country === row.Country)!;
      const country = diff.countries.find((c) => c.country === row.Country)!;
      expect(country.changes.map((c) => [c.key, c.from, c.to])).toEqual(common.map((label) => [keyOfLabel(label), before[label], row[label]]));
      for (const change of country.changes) {
        const label = common.find((l) => keyOfLabel(l) === change.key)!;
        const delta = hundredths(row[label]!) - hundredths(before[label]!);
        expect(hundredths(change.change.replace('±', ''))).toBe(delta);
      }
    }
  });

  it('lists the indicators new in 2023 with their values', () => {
    const added = Object.keys(now[0]!).filter((label) => !places.includes(label) && !(label in old[0]!));
    expect(diff.added.map((a) => a.label)).toEqual(added);
    expect(added).toEqual(['Extortion and protection racketeering', 'Trade in counterfeit goods', 'Illicit trade in excisable goods', 'Cyber-dependent crimes', 'Financial crimes', 'Private sector actors']);
    const azerbaijan = diff.countries.find((c) => c.country === 'Azerbaijan')!;
    const row = now.find((r) => r.Country === 'Azerbaijan')!;
    expect(azerbaijan.added).toEqual(added.map((label) => ({ key: keyOfLabel(label), kind: 'indicator', value: row[label] })));
  });

  it("gives Azerbaijan's published moves: criminality 5.08 -> 4.80, ranks 83 -> 112, 26 -> 33, 3 -> 4", () => {
    const azerbaijan = diff.countries.find((c) => c.country === 'Azerbaijan')!;
    expect(azerbaijan.changes.find((c) => c.key === 'criminality')).toEqual({ key: 'criminality', kind: 'score', from: '5.08', to: '4.80', change: '-0.28' });
    expect(azerbaijan.changes.find((c) => c.key === 'resilience')).toEqual({ key: 'resilience', kind: 'score', from: '4.08', to: '3.96', change: '-0.12' });
    expect(azerbaijan.ranks.map((r) => `${r.measure}.${r.scope} ${r.from} -> ${r.to}`)).toEqual([
      'criminality.global 83 -> 112',
      'criminality.continent 26 -> 33',
      'criminality.region 3 -> 4',
      'resilience.global 128 -> 134',
      'resilience.continent 27 -> 28',
      'resilience.region 5 -> 4',
    ]);
    expect(azerbaijan.rewritten).toBeNull(); // the 2023 profile has no narrative yet
  });

  it('sorts by the largest change of the headline scores and names the biggest movers', () => {
    const headline = (country: string) => {
      const [a, b] = [old.find((r) => r.Country === country)!, now.find((r) => r.Country === country)!];
      return Math.max(...['Criminality', 'Resilience'].map((l) => Math.abs(hundredths(b[l]!) - hundredths(a[l]!))));
    };
    const order = diff.countries.map((c) => headline(c.country));
    expect(order).toEqual([...order].sort((a, b) => b - a));
    expect(diff.countries[0]!.country).toBe('Myanmar'); // resilience 3.42 -> 1.63
    expect(diff.movers.resilience.down[0]).toEqual({ country: 'Myanmar', change: '-1.79' });
    expect(diff.movers.criminality.up[0]).toEqual({ country: 'Moldova', change: '+1.15' });
    expect(diff.movers.criminality.up).toHaveLength(5);
  });

  it('prints the same for a reader and as CSV', async () => {
    const human = await runCli('diff', 'goci-2021', 'goci-2023');
    expect(human.stdout).toMatch(/^goci-2021 -> goci-2023: 193 countries in both\nindicators whose score did not change are left out below; --format csv or json lists every one\nnew in goci-2023: Extortion and protection racketeering, /);
    expect(human.stdout).toMatch(/\n {2}resilience down: {2}Myanmar -1\.79, Afghanistan -1\.17, /);
    expect(human.stdout).toMatch(/\nAzerbaijan\n {2}Criminality +5\.08 -> 4\.80 \(-0\.28\) +rank global 83 -> 112, continent 26 -> 33, region 3 -> 4\n/);
    const csv = parse((await runCli('diff', 'goci-2021', 'goci-2023', '--format', 'csv')).stdout, { columns: true }) as Row[];
    expect(csv.find((r) => r.country === 'Azerbaijan' && r.key === 'cocaine_trade')).toEqual({ country: 'Azerbaijan', kind: 'indicator', key: 'cocaine_trade', label: 'Cocaine trade', 'goci-2021': '3.0', 'goci-2023': '1.5', change: '-1.5' });
    // Six ranks a country, less the two region ranks of the 21 countries whose region merged into 'Caribbean & Central'.
    expect(csv.filter((r) => r.kind === 'rank')).toHaveLength(193 * 6 - 21 * 2);
  });
});

describe('ocindex diff on narratives and mistakes', () => {
  it('measures how much of a narrative was rewritten', async () => {
    const folder = tempFolder();
    for (const edition of ['goci-2021', 'goci-2023']) mkdirSync(join(folder, edition));
    copyFileSync(join(projectRoot, 'content', '.dictionary'), join(folder, '.dictionary'));
    writeFileSync(join(folder, 'goci-2021', 'azerbaijan.md'), azerbaijan2021);
    const narrative = azerbaijan2021.slice(azerbaijan2021.indexOf('\n---\n') + 5);
    const half = narrative.split('\n\n').map((p, i) => (i % 2 === 0 && !p.startsWith('#') ? 'Rewritten.' : p)).join('\n\n');
    writeFileSync(join(folder, 'goci-2023', 'azerbaijan.md'), readContent('goci-2023/azerbaijan.md').trimEnd() + '\n' + half);
    const { stdout, code } = await runCli('diff', 'goci-2021', 'goci-2023', folder, '--format', 'json');
    expect(code).toBe(0);
    const [country] = (JSON.parse(stdout) as JsonDiff).countries;
    expect(country!.rewritten).toBeGreaterThan(0.3);
    expect(country!.rewritten).toBeLessThan(0.7);
  });

  it('calls two 200 KB narratives that differ throughout rewritten, with a lower bound of the share changed (issue 21)', async () => {
    const folder = tempFolder();
    for (const edition of ['goci-2021', 'goci-2023']) mkdirSync(join(folder, edition));
    const parsed = parseSource({ path: 'a.md', bytes: Buffer.from(azerbaijan2021) });
    if (!('profile' in parsed)) throw new Error('the bundled profile parses');
    const words = narrativeWords(parsed.profile);
    // Paragraphs of the published words in two different orders: the same vocabulary, rewritten.
    const shuffled = (seed: number) => {
      let x = seed;
      const text: string[] = [];
      for (let length = 0; length < 200_000; length += (text.at(-1)?.length ?? 0) + 1) text.push(words[(x = (x * 1103515245 + 12345) % 2147483648) % words.length]!);
      return text.map((word, i) => (i % 80 === 79 ? `${word}\n\n` : word)).join(' ');
    };
    writeFileSync(join(folder, 'goci-2021', 'azerbaijan.md'), `${azerbaijan2021.slice(0, azerbaijan2021.indexOf('\n---\n') + 5)}${shuffled(1)}\n`);
    writeFileSync(join(folder, 'goci-2023', 'azerbaijan.md'), `${readContent('goci-2023/azerbaijan.md').trimEnd()}\n${shuffled(2)}\n`);
    const human = await runCli('diff', 'goci-2021', 'goci-2023', folder);
    expect(human.stdout).toMatch(/\n {2}narrative: rewritten: at least \d+% of its words changed since goci-2021\n/);
    const [country] = (JSON.parse((await runCli('diff', 'goci-2021', 'goci-2023', folder, '--format', 'json')).stdout) as JsonDiff).countries;
    expect(country).toMatchObject({ rewrittenAtLeast: true });
  });

  it('measures a few edits exactly, and past the bound gives a share no larger than the exact one', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `w${i % 700}`);
    const edited = [...words];
    edited.splice(10, 5, 'new');
    expect(changedShare(words, edited)).toEqual({ share: 1 - 2995 / 3000 });
    const reversed = [...words].reverse();
    const bounded = changedShare(words, reversed);
    expect(bounded.atLeast).toBe(true);
    expect(bounded.share).toBe(0); // the same words in another order: the bound says only "at least 0"
  });

  it('exits 2 on an unknown edition, 1 when a profile cannot be compared', async () => {
    expect(await runCli('diff', 'goci-2021', 'goci-2027')).toMatchObject({ code: 2, stdout: '', stderr: `ocindex: unknown edition 'goci-2027'; expected one of ${editionIds}\n` });
    const folder = tempFolder();
    for (const edition of ['goci-2021', 'goci-2023']) mkdirSync(join(folder, edition));
    writeFileSync(join(folder, 'goci-2021', 'azerbaijan.md'), replaceOnce(azerbaijan2021, 'score: 4.15', 'score: "4.15"'));
    writeFileSync(join(folder, 'goci-2023', 'azerbaijan.md'), readContent('goci-2023/azerbaijan.md'));
    const broken = await runCli('diff', 'goci-2021', 'goci-2023', folder);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/^goci-2021 -> goci-2023: 0 countries in both\n/);
    expect(broken.stderr).toMatch(/azerbaijan\.md:13:12 .*\nnot compared: 1 profile; run ocindex validate for every problem\n$/);
  });
});
