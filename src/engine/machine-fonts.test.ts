import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledChromium } from './sparticuz.js';
import { ocindex, readContent, tempFolder } from '../testing/support.js';

describe("the machine's fonts", () => {
  it('are not the browser\'s to fall back on: its fontconfig names only the package\'s own fonts', async () => {
    const chromium = await bundledChromium();
    expect(chromium).toBeDefined();
    const config = readFileSync(chromium?.env.FONTCONFIG_FILE ?? '', 'utf8');
    expect(config).not.toMatch(/\/etc\/fonts|\/usr\/share\/fonts|<include/);
    expect([...config.matchAll(/<dir>([^<]+)<\/dir>/g)].map((m) => m[1])).toEqual([join(chromium?.executablePath ?? '', '..', 'fonts')]);
  });

  it('never print a character the bundled fonts lack: a draft holding one is reported and not written', async () => {
    const folder = tempFolder();
    mkdirSync(join(folder, 'goci-2025'));
    writeFileSync(join(folder, 'goci-2025', 'kiribati.md'), `${readContent('goci-2025/kiribati.md').trimEnd()}\n\n# Criminality\n\nA snowman ☃ no bundled font has.\n`);
    const result = await ocindex(['render', 'goci-2025/kiribati.md', '--out', 'out'], folder);
    expect(result.stderr).toMatch(/kiribati\.md:\d+:\d+ +warning +U\+2603 '☃' is not in the bundled fonts/);
    expect(`${result.stdout}${result.stderr}`).toMatch(/kiribati\.md: screen PDF fails preflight: page 1: 1 character code of [A-Z]{6}\+Source\w+-\w+ without a Unicode mapping/);
    expect(result.code).toBe(1);
    expect(() => execFileSync('pdffonts', [join(folder, 'out', 'goci-2025', 'kiribati.pdf')], { stdio: 'pipe' })).toThrow();
  }, 60_000);
});
