import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, projectRoot, runCli, tempFolder } from './testing/support.js';

const heavy = /\/node_modules\/(puppeteer|puppeteer-core|exceljs|pdf-lib|chokidar|cli-progress|@sparticuz\/chromium)\//;

describe('start-up', () => {
  let folder: string;
  beforeAll(() => {
    ensureBuilt();
    folder = tempFolder();
  });

  /**
   * The modules a file imported holds: a chunk of the command's bundle (lib/bundle/) names each module
   * bundled into it in a comment line ("// lib/commands/render.js", "// node_modules/pdf-lib/...").
   */
  function modulesOf(url: string): string[] {
    if (!url.includes('/lib/bundle/')) return [url];
    // The comment gives the path from the project (node_modules may be a link elsewhere: ../x/node_modules/...).
    const comments = [...readFileSync(new URL(url), 'utf8').matchAll(/^\/\/ (\S+\.[cm]?js)$/gm)].map((m) => m[1] ?? '');
    return [url, ...comments.flatMap((path) => /(?:^|\/)((?:lib|node_modules)\/.+)$/.exec(path)?.slice(1, 2).map((tail) => `/${tail}`) ?? [])];
  }

  /** Runs bin/ocindex.js as a user does, recording every module it imports, bundled or not. */
  function ocindex(...args: string[]): { status: number | null; stdout: string; imported: string[] } {
    const log = join(folder, `${args.join('_').replace(/\W+/g, '-')}.log`);
    const result = spawnSync(process.execPath, ['--import', './src/testing/record-imports.mjs', 'bin/ocindex.js', ...args], {
      cwd: projectRoot,
      env: { ...process.env, OCINDEX_IMPORT_LOG: log },
      encoding: 'utf8',
    });
    return { status: result.status, stdout: result.stdout, imported: readFileSync(log, 'utf8').split('\n').filter(Boolean).flatMap(modulesOf) };
  }

  it('--version prints the version of package.json and imports no command', () => {
    const { status, stdout, imported } = ocindex('--version');
    const { version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string };
    expect(status).toBe(0);
    expect(stdout).toBe(`${version}\n`);
    expect(imported.filter((url) => url.includes('/commands/'))).toEqual([expect.stringMatching(/\/commands\/io\.js$/)]);
    expect(imported.filter((url) => heavy.test(url))).toEqual([]);
  });

  it('--help lists every command without importing any of them', () => {
    const { status, stdout, imported } = ocindex('--help');
    expect(status).toBe(0);
    for (const command of ['validate', 'import', 'render', 'preflight', 'preview', 'new', 'export', 'schema']) expect(stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(imported.filter((url) => /\/commands\/(?!io\.js)/.test(url))).toEqual([]);
    expect(imported.filter((url) => heavy.test(url))).toEqual([]);
  });

  it('validate imports neither the browser nor the PDF, workbook or watcher libraries; render does', () => {
    const validate = ocindex('validate', 'content/goci-2021/azerbaijan.md');
    expect(validate.status).toBe(0);
    expect(validate.imported.filter((url) => heavy.test(url))).toEqual([]);
    const render = ocindex('render', '--help');
    expect(render.stdout).toContain('--concurrency <n>');
    expect(render.imported.some((url) => /\/node_modules\/puppeteer-core\//.test(url))).toBe(true);
  });
});

describe('--help of a command', () => {
  it.each([
    ['import', '--edition <id>'],
    ['schema', '--edition <id>'],
    ['proof', '--out <file>'],
  ])('%s marks its required option %s', async (command, option) => {
    const { stdout } = await runCli(command, '--help');
    expect(stdout).toMatch(new RegExp(`^  ${option.replace(/[<>]/g, '\\$&')} +.*\\(required\\)$`, 'm'));
    // ... and no other option.
    expect(stdout.match(/\(required\)/g)).toHaveLength(1);
  });
});
