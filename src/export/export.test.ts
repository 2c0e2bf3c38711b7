import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportedProfile } from './json.js';
import { bundledContent, bundledProfiles, editions, ocindex, datasetPath, tempFolder } from '../testing/support.js';

describe('ocindex export', () => {
  for (const edition of editions.keys()) {
    it(`gives back ${edition}.csv byte for byte from the bundled ${edition} profiles`, async () => {
      const result = await ocindex(['export', join(bundledContent, edition), '--format', 'csv']);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toBe(await readFile(datasetPath(edition), 'utf8'));
    });
  }

  it('writes to --out atomically, and --edition picks one edition out of the whole corpus', async () => {
    const result = await ocindex(['export', bundledContent, '--edition', 'goci-2023', '--out', 'data/2023.csv']);
    expect(result).toMatchObject({ code: 0, stderr: '', stdout: 'exported 193 profiles to data/2023.csv\n' });
    expect(await readFile(join(result.cwd, 'data/2023.csv'), 'utf8')).toBe(await readFile(datasetPath('goci-2023'), 'utf8'));
  });

  it('reports an --out it cannot write as an input/output failure (exit 2)', async () => {
    const folder = await tempFolder();
    await writeFile(join(folder, 'taken'), '');
    const result = await ocindex(['export', join(bundledContent, 'goci-2021'), '--out', 'taken/2021.csv'], folder);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe('ocindex: taken: cannot write (a part of the path is a file, not a folder, ENOTDIR)\n');
  });

  it('refuses CSV of several editions without --edition (usage mistake, exit 2)', async () => {
    const result = await ocindex(['export', bundledContent, '--format', 'csv']);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe('ocindex: the profiles are of goci-2021, goci-2023 and goci-2025, whose datasets have different columns; export one at a time with --edition (or all as --format xlsx, a sheet each)\n');
  });

  it('writes JSON: one object per profile, in dataset order, edition by edition', async () => {
    const result = await ocindex(['export', bundledContent, '--format', 'json']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const profiles = JSON.parse(result.stdout) as ExportedProfile[];
    expect(profiles).toHaveLength(bundledProfiles);
    expect(profiles.slice(0, 193).every((p) => p.edition === 'goci-2021')).toBe(true);
    expect(profiles[0]?.country).toBe('Angola');
    const azerbaijan = profiles.find((p) => p.edition === 'goci-2021' && p.country === 'Azerbaijan');
    expect(azerbaijan).toMatchObject({
      continent: 'Asia',
      region: 'Central Asia and the Caucasus',
      status: 'final',
      ranks: { criminality: { global: 83, continent: 26, region: 3 }, resilience: { global: 128, continent: 27, region: 5 } },
    });
    expect(Object.keys(azerbaijan as object)).toEqual(['edition', 'country', 'continent', 'region', 'status', 'scores', 'ranks']);
    const scores = Object.entries(azerbaijan?.scores ?? {});
    expect(scores.slice(0, 3)).toEqual([['criminality', 5.08], ['criminal_markets', 4.15], ['human_trafficking', 4.5]]);
    expect(scores).toHaveLength(30);
    expect(azerbaijan?.scores).toMatchObject({ criminal_actors: 6, resilience: 4.08, non_state_actors: 3.5 });
  });

  it('leaves out and reports profiles that do not fit the schema (exit 1), exporting the rest', async () => {
    const folder = await tempFolder();
    await cp(join(bundledContent, 'goci-2021'), join(folder, 'content/goci-2021'), { recursive: true });
    const chad = join(folder, 'content/goci-2021/chad.md');
    await writeFile(chad, (await readFile(chad, 'utf8')).replace(/ {2}score: ([\d.]+)/, '  score: "$1"'));
    await ocindex(['new', 'Chad', '--edition', 'goci-2023'], folder);
    const result = await ocindex(['export', '--format', 'json'], folder);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      [
        'content/goci-2021/chad.md:8:10  criminality.score is the string "5.86"; expected a number; write 5.86 without quotes  schema',
        'content/goci-2023/chad.md:8:9  criminality.score is empty; expected a number (and 41 more)  schema',
        'not exported: 2 profiles; run ocindex validate for every problem\n',
      ].join('\n'),
    );
    const exported = JSON.parse(result.stdout) as ExportedProfile[];
    expect(exported).toHaveLength(192);
    expect(exported.some((p) => p.country === 'Chad')).toBe(false);

    const only2021 = await ocindex(['export', '--edition', 'goci-2021', '--format', 'json'], folder);
    expect(only2021.stderr).not.toContain('goci-2023');
    expect(only2021.stderr).toContain('not exported: 1 profile;');
  });
});
