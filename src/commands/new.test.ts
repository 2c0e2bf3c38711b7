import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledContent, editionIds, ocindex, tempFolder } from '../testing/support.js';

describe('ocindex new', () => {
  it("writes a draft with the edition's geography, empty score fields and the outline as empty sections", async () => {
    const result = await ocindex(['new', 'Azerbaijan', '--edition', 'goci-2021', '--out', 'profiles']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('created profiles/goci-2021/azerbaijan.md');
    const text = await readFile(join(result.cwd, 'profiles/goci-2021/azerbaijan.md'), 'utf8');
    expect(text).toMatch(/^---\nedition: goci-2021\ncountry: Azerbaijan\ncontinent: Asia\nregion: Central Asia and the Caucasus\nstatus: draft\ncriminality:\n  score:\n/);
    expect(text).toContain('  criminal_markets:\n    score:\n    indicators:\n      human_trafficking:\n');
    expect(text).toContain('---\n\n# Criminality\n\n## Criminal markets\n\n### People\n\n### Trade\n\n### Environment\n\n### Drugs\n\n## Criminal actors\n\n# Resilience\n\n## Leadership and governance\n');
    expect(text.endsWith('## Civil society and social protection\n')).toBe(true);
  });

  it('leaves the scores for validate to ask for, and nothing else', async () => {
    const folder = await tempFolder();
    await ocindex(['new', 'chad', '--edition', 'goci-2023', '--out', '.'], folder);
    const check = await ocindex(['validate', '--format', 'json', 'goci-2023/chad.md'], folder);
    const { messages } = JSON.parse(check.stdout) as { messages: { ruleId: string; message: string }[] };
    expect(check.code).toBe(1);
    expect(new Set(messages.map((m) => m.ruleId))).toEqual(new Set(['schema']));
    expect(messages.map((m) => m.message)).toContain('criminality.score is empty; expected a number');
    expect(messages.map((m) => m.message)).toContain('resilience.indicators.prevention is empty; expected a number');
    expect(messages.map((m) => m.message)).toContain('criminality.rank.global is empty; expected a whole number');
  });

  it('finds the country by name or file name, ignoring case and accents', async () => {
    const folder = await tempFolder();
    for (const query of ["côte d'ivoire", 'CONGO, DEM. REP.', 'korea-dpr']) {
      expect((await ocindex(['new', query, '--edition', 'goci-2021', '--out', '.'], folder)).code).toBe(0);
    }
    const text = await readFile(join(folder, 'goci-2021/cote-d-ivoire.md'), 'utf8');
    expect(text).toContain("country: Côte d'Ivoire\n");
    expect(await readFile(join(folder, 'goci-2021/congo-dem-rep.md'), 'utf8')).toContain('country: Congo, Dem. Rep.\n');
    expect(await readFile(join(folder, 'goci-2021/korea-dpr.md'), 'utf8')).toContain('country: Korea, DPR\n');
  });

  it('suggests the country meant by an unknown name (usage mistake, exit 2)', async () => {
    const typo = await ocindex(['new', 'Azerbaidjan', '--edition', 'goci-2021']);
    expect(typo).toMatchObject({ code: 2, stdout: '' });
    expect(typo.stderr).toBe("ocindex: unknown country 'Azerbaidjan' in goci-2021; did you mean Azerbaijan?\n");
    const part = await ocindex(['new', 'korea', '--edition', 'goci-2021']);
    expect(part.stderr).toContain('did you mean Korea, DPR or Korea, Rep.?');
    const unknownEdition = await ocindex(['new', 'Chad', '--edition', 'goci-2019']);
    expect(unknownEdition).toMatchObject({ code: 2, stderr: `ocindex: unknown edition 'goci-2019'; expected one of ${editionIds}\n` });
  });

  it('refuses to overwrite an existing profile (exit 1)', async () => {
    const folder = await tempFolder();
    await ocindex(['new', 'Chad', '--edition', 'goci-2021', '--out', 'content'], folder);
    const path = join(folder, 'content/goci-2021/chad.md');
    await writeFile(path, 'my work');
    const again = await ocindex(['new', 'Chad', '--edition', 'goci-2021'], folder);
    expect(again).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'ocindex: content/goci-2021/chad.md already exists; not overwritten. To add the outline to it: ocindex new "Chad" --edition goci-2021 --outline\n',
    });
    expect(await readFile(path, 'utf8')).toBe('my work');
  });

  it('--outline adds the outline to an existing draft (a bundled one), every other byte kept; only to one without a narrative', async () => {
    const folder = await tempFolder();
    const bundled = await readFile(join(bundledContent, 'goci-2025/cote-d-ivoire.md'), 'utf8');
    await mkdir(join(folder, 'content/goci-2025'), { recursive: true });
    await writeFile(join(folder, 'content/goci-2025/cote-d-ivoire.md'), bundled.replace('status: draft', 'status: draft # mine'));
    const result = await ocindex(['new', 'Ivory Coast', '--outline'], folder);
    expect(result).toMatchObject({ code: 0, stdout: 'updated content/goci-2025/cote-d-ivoire.md: the outline of goci-2025 added; scores and front-matter unchanged\n' });
    const text = await readFile(join(folder, 'content/goci-2025/cote-d-ivoire.md'), 'utf8');
    const scaffold = (await ocindex(['new', 'Chad', '--out', 'scratch'], folder)).cwd;
    const outline = (await readFile(join(scaffold, 'scratch/goci-2025/chad.md'), 'utf8')).split('\n---\n')[1];
    expect(text).toBe(`${bundled.replace('status: draft', 'status: draft # mine')}${outline}`);
    // Moved to review, it now only lacks the narrative's text, not its sections.
    await writeFile(join(folder, 'content/goci-2025/cote-d-ivoire.md'), text.replace('status: draft # mine', 'status: review'));
    const review = JSON.parse((await ocindex(['validate', '--format', 'json', 'content/goci-2025/cote-d-ivoire.md'], folder)).stdout) as { messages: { ruleId: string; message: string }[] };
    const outlineMessages = review.messages.filter((m) => m.ruleId === 'narrative-outline').map((m) => m.message);
    expect(outlineMessages.length).toBeGreaterThan(0);
    expect(outlineMessages.filter((m) => /missing/.test(m))).toEqual([]);
    const twice = await ocindex(['new', "Côte d'Ivoire", '--edition', 'goci-2025', '--outline'], folder);
    expect(twice).toMatchObject({ code: 1, stderr: 'ocindex: content/goci-2025/cote-d-ivoire.md has a narrative already; --outline only fills a profile that has none\n' });
  });

  it('defaults to the newest edition and says so; knows other names of a country from the edition file', async () => {
    const folder = await tempFolder();
    const result = await ocindex(['new', 'Ivory Coast'], folder);
    expect(result).toMatchObject({ code: 0, stdout: 'created content/goci-2025/cote-d-ivoire.md (edition goci-2025, the newest; --edition chooses another): fill in its scores and narrative, then run ocindex validate\n' });
    const typo = await ocindex(['new', 'Ivory Cost', '--edition', 'goci-2021'], folder);
    expect(typo).toMatchObject({ code: 2, stderr: "ocindex: unknown country 'Ivory Cost' in goci-2021; did you mean Ivory Coast?\n" });
  });
});
