import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from './testing/support.js';

/**
 * The two pipelines the folders show, each stage importing only the ones before it (README,
 * "Project layout"). Folders that are in neither (errors, text, package, edition, scoring, diff,
 * write, the gate, the commands...) are checked by the other rules below.
 */
const pipelines = [
  ['read', 'profile', 'validate', 'check', 'report'],
  ['profile', 'view', 'html', 'engine', 'postprocess', 'preflight', 'render'],
];
/** The outer layer: nothing below imports it. */
const outer = ['commands', 'cli', 'index', 'config'];
/** Leaves every stage may use, which import no stage. */
const leaves: Record<string, string[]> = { errors: [], text: [], package: [], write: ['errors', 'read', 'text'] };

const sourceRoot = join(projectRoot, 'src');

/** Each production module's folder under src/ (or its own name for src/cli.ts) and the folders it imports from. */
function folderImports(): { from: string; to: string; file: string }[] {
  const found: { from: string; to: string; file: string }[] = [];
  const folderOf = (path: string) => relative(sourceRoot, path).split('/')[0]?.replace(/\.[jt]s$/, '') ?? '';
  for (const entry of readdirSync(sourceRoot, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) continue;
    const file = join(entry.parentPath, entry.name);
    const from = folderOf(file);
    if (from === 'testing') continue;
    for (const match of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
      const to = folderOf(normalize(join(dirname(file), match[1] ?? '')));
      if (to !== from) found.push({ from, to, file: relative(projectRoot, file) });
    }
  }
  return found;
}

type FolderImport = { from: string; to: string; file: string };

/** The imports by which a stage of `stages` reaches a later one. */
function laterImports(imports: FolderImport[], stages: string[]): string[] {
  return imports.filter(({ from, to }) => stages.includes(from) && stages.includes(to) && stages.indexOf(to) > stages.indexOf(from)).map(({ file, to }) => `${file} imports ${to}`);
}

describe('the folders show which way data flows', () => {
  const imports = folderImports();

  it('finds the imports between folders', () => {
    expect(imports.length).toBeGreaterThan(50);
    expect(imports).toContainEqual(expect.objectContaining({ from: 'render', to: 'engine' }));
  });

  it.each(pipelines.map((stages) => [stages.join(' -> '), stages]))('%s: no stage imports a later one', (_name, stages) => {
    expect(laterImports(imports, stages)).toEqual([]);
  });

  it('would tell a stage that imports a later one', () => {
    const backwards = { from: 'read', to: 'validate', file: 'src/read/collect.ts' };
    expect(laterImports([...imports, backwards], pipelines[0] ?? [])).toEqual(['src/read/collect.ts imports validate']);
  });

  it('nothing but the outer layer imports the outer layer', () => {
    const inward = imports.filter(({ from, to }) => outer.includes(to) && !outer.includes(from));
    expect(inward.map(({ file, to }) => `${file} imports ${to}`)).toEqual([]);
  });

  it('the leaves import no stage', () => {
    const wrong = imports.filter(({ from, to }) => from in leaves && !(leaves[from] ?? []).includes(to));
    expect(wrong.map(({ file, to }) => `${file} imports ${to}`)).toEqual([]);
  });
});
