import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { azerbaijan2021, azerbaijan2021French, ocindex, replaceOnce, tempFolder } from '../testing/support.js';

/** A content folder with Azerbaijan 2021 and its French translation. */
async function withTranslation(source = azerbaijan2021, translation = azerbaijan2021French): Promise<string> {
  const folder = tempFolder();
  await mkdir(join(folder, 'content/goci-2021/fr'), { recursive: true });
  await writeFile(join(folder, 'content/goci-2021/azerbaijan.md'), source);
  await writeFile(join(folder, 'content/goci-2021/fr/azerbaijan.md'), translation);
  return folder;
}

describe('ocindex translate and new --translate', () => {
  it('starts a translation with the outline in French, naming its source', async () => {
    const folder = await withTranslation();
    await rm(join(folder, 'content/goci-2021/fr/azerbaijan.md'));
    const result = await ocindex(['new', '--translate', 'fr', 'Azerbaijan', '--edition', 'goci-2021'], folder);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const text = await readFile(join(folder, 'content/goci-2021/fr/azerbaijan.md'), 'utf8');
    expect(text).toMatch(/^---\ntranslates: \.\.\/azerbaijan\.md\nlang: fr\nstatus: draft\n---\n\n# Criminalité\n\n## Marchés criminels\n\n### Personnes\n/);
    expect(text).toContain('# Résilience\n\n## Leadership et gouvernance\n');
    const again = await ocindex(['new', '--translate', 'fr', 'content/goci-2021/azerbaijan.md'], folder);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('content/goci-2021/fr/azerbaijan.md already exists; not overwritten');
    expect((await ocindex(['new', '--translate', 'de', 'Azerbaijan', '--edition', 'goci-2021'], folder)).stderr).toContain("no termbase for language 'de'");
  });

  it('lists the sections behind their source, and --mark-current records them, comments kept', async () => {
    const revised = replaceOnce(azerbaijan2021, 'A significant domestic demand exists in Azerbaijan.', 'A large domestic demand exists in Azerbaijan.');
    const folder = await withTranslation(revised);
    const behind = await ocindex(['translate', 'content/goci-2021/fr'], folder);
    expect(behind.code).toBe(1);
    expect(behind.stdout).toBe('content/goci-2021/fr/azerbaijan.md: 1 section to translate: Criminality / Criminal markets / Drugs\n');
    const validation = await ocindex(['validate', 'content/goci-2021/fr/azerbaijan.md'], folder);
    expect(validation.code).toBe(1);
    expect(validation.stdout).toContain("section 'Criminalité / Marchés criminels / Drogues' (Criminality / Criminal markets / Drugs) changed in content/goci-2021/azerbaijan.md since it was translated");
    const marked = await ocindex(['translate', '--mark-current', 'content/goci-2021/fr/azerbaijan.md'], folder);
    expect(marked).toMatchObject({ code: 0, stdout: 'content/goci-2021/fr/azerbaijan.md: marked current (1 section: Criminality / Criminal markets / Drugs)\n' });
    const text = await readFile(join(folder, 'content/goci-2021/fr/azerbaijan.md'), 'utf8');
    expect(text).toContain("# The team's own translation of ../azerbaijan.md");
    expect(text.slice(text.indexOf('\n---\n'))).toBe(azerbaijan2021French.slice(azerbaijan2021French.indexOf('\n---\n')));
    expect(await ocindex(['translate', 'content/goci-2021/fr'], folder)).toMatchObject({ code: 0, stdout: 'content/goci-2021/fr/azerbaijan.md: current\n' });
    expect((await ocindex(['validate', 'content/goci-2021/fr/azerbaijan.md'], folder)).code).toBe(0);
  });
});
