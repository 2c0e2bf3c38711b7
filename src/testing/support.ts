import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { run } from '../cli.js';
import { loadEditions } from '../edition/load.js';
import { summarize, type FlatMessage } from '../report/messages.js';
import { validateSources, type RuleSettings } from '../validate/validate.js';
import { wordList } from '../validate/prose/lexicon.js';

export const projectRoot = join(import.meta.dirname, '..', '..');
/** The index's datasets (goci-2021.csv, goci-2023.csv, goci-2025.csv), bundled in data/ with their source and terms. */
export const datasets = join(projectRoot, 'data');
/** The path of an edition's bundled dataset. */
export const datasetPath = (edition: string): string => join(datasets, `${edition}.csv`);
/** The published Azerbaijan 2021 profile as text, extracted from its PDF (see src/testing/fixtures/README.md). */
export const publishedSeedPath = join(projectRoot, 'src', 'testing', 'fixtures', 'azerbaijan-2021-published.txt');
export const bundledContent = join(projectRoot, 'content');
export const editions = loadEditions();
/** The bundled editions' ids, as messages list them ("goci-2021, goci-2023, goci-2025"). */
export const editionIds = [...editions.keys()].join(', ');
/** How many profiles content/ bundles: one per country of each edition. */
export const bundledProfiles = [...editions.values()].reduce((n, e) => n + e.countries.length, 0);
/** The bundled translations: the profiles in a language folder of an edition's (content/<edition>/<lang>/<slug>.md). */
export const bundledTranslations = [...editions.keys()].flatMap((id) =>
  readdirSync(join(projectRoot, 'content', id), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((language) => readdirSync(join(projectRoot, 'content', id, language.name)).filter((name) => name.endsWith('.md')).map((name) => `content/${id}/${language.name}/${name}`)),
);
/** Every bundled profile file: one per country of each edition, and the translations. */
export const bundledFiles = bundledProfiles + bundledTranslations.length;

export function readContent(relative: string): string {
  return readFileSync(join(projectRoot, 'content', relative), 'utf8');
}

/** The bundled, final Azerbaijan 2021 profile: the seed of the index, every field filled. */
export const azerbaijan2021 = readContent('goci-2021/azerbaijan.md');
/** The bundled French translation of it. */
export const azerbaijan2021French = readContent('goci-2021/fr/azerbaijan.md');

/** 1-based line of the first occurrence of `needle` in `text`. */
export function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  if (index === -1) throw new Error(`${needle} not in text`);
  return text.slice(0, index).split('\n').length;
}

/** Replaces exactly one occurrence, so a fixture cannot silently stay unbroken. */
export function replaceOnce(text: string, from: string, to: string): string {
  const parts = text.split(from);
  if (parts.length !== 2) throw new Error(`expected exactly one '${from}', found ${parts.length - 1}`);
  return parts.join(to);
}

/** The bundled project's own words, as loadCorpus reads them from content/.dictionary. */
export const bundledWords = wordList(readFileSync(join(projectRoot, 'content', '.dictionary'), 'utf8'));

/** Validates in-memory files (path -> text) as one corpus, with the bundled word list; returns its flat messages. */
export function check(files: Record<string, string | Uint8Array>, settings: RuleSettings = {}): FlatMessage[] {
  const sources = Object.entries(files).map(([path, text]) => ({ path, bytes: typeof text === 'string' ? Buffer.from(text) : text }));
  const validation = validateSources(sources, editions, settings, undefined, { prose: { words: bundledWords, atFinal: 'warning' } });
  return summarize(validation.files, validation.editionFiles).messages;
}

/** Messages of one profile checked alone, without the corpus warning about missing countries. */
export function checkOne(text: string | Uint8Array, path = 'content/goci-2021/azerbaijan.md'): FlatMessage[] {
  return check({ [path]: text }).filter((m) => !(m.ruleId === 'rank' && m.severity === 'warning'));
}

/** The text of every file under a folder, by its path inside it (an edition's translations, goci-2021/fr/, too). */
export function folderSnapshot(folder: string): Record<string, string> {
  const files = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return Object.fromEntries(files.map((entry) => [join(entry.parentPath, entry.name).slice(folder.length + 1), readFileSync(join(entry.parentPath, entry.name), 'utf8')]));
}

/** Every bundled profile of an edition, path -> text, as the corpus rules see them. */
export function editionCorpus(edition: string): Record<string, string> {
  const folder = join(projectRoot, 'content', edition);
  // The profiles themselves: translations live in a folder per language (goci-2021/fr/).
  const names = readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name);
  return Object.fromEntries(names.sort().map((name) => [`content/${edition}/${name}`, readFileSync(join(folder, name), 'utf8')]));
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** The folder the command ran in. */
  cwd: string;
}

/**
 * The one CLI harness: runs `ocindex <args>` in-process, in `cwd` (a fresh temporary folder by
 * default, so that no settings file applies); returns its exit code and what it wrote.
 */
export async function ocindex(args: string[], cwd: string = tempFolder()): Promise<CliResult> {
  const result = { stdout: '', stderr: '' };
  const io = { stdout: (t: string) => void (result.stdout += t), stderr: (t: string) => void (result.stderr += t), interactive: false };
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    return { code: await run(['node', 'ocindex', ...args], io), ...result, cwd };
  } finally {
    process.chdir(previous);
  }
}

/** `ocindex <args>` in the working directory (the project, with its content/). */
export function runCli(...args: string[]): Promise<CliResult> {
  return ocindex(args, process.cwd());
}

const temporaryFolders: string[] = [];
// Removed when the test file is done (vitest fires no process 'exit' in its workers).
afterAll(() => temporaryFolders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** The bundled project's word list (content/.dictionary): the names its narratives use. */
export const bundledDictionary = join(projectRoot, 'content', '.dictionary');

/**
 * A fresh temporary folder, removed when the test file is done. It holds the bundled project's word
 * list, as the content folder does, so that profiles copied into it spell their names as there.
 */
export function tempFolder(): string {
  const folder = emptyFolder();
  copyFileSync(bundledDictionary, join(folder, '.dictionary'));
  return folder;
}

/** A fresh, empty temporary folder, removed when the test file is done. */
export function emptyFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'ocindex-'));
  temporaryFolders.push(folder);
  return folder;
}

/** Processes whose command line mentions `marker`: Chromium's carries its profile folder, under TMPDIR. */
export function processesMentioning(marker: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/**
 * Builds lib/ and the command's bundle from the current sources unless they are up to date, for tests
 * that run the command as a user runs it (npm test builds first, and rewriting lib/ under other
 * tests' feet is avoided then).
 */
export function ensureBuilt(): void {
  const newestSource = Math.max(...readdirSync(join(projectRoot, 'src'), { recursive: true, encoding: 'utf8' }).map((file) => statSync(join(projectRoot, 'src', file)).mtimeMs));
  const bundle = join(projectRoot, 'lib', 'bundle', 'ocindex.js');
  if (!existsSync(bundle) || statSync(bundle).mtimeMs < newestSource) {
    try {
      execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: projectRoot, stdio: 'ignore' });
    } catch {
      // Type errors elsewhere still emit lib/.
    }
    execFileSync(process.execPath, ['scripts/bundle.mjs'], { cwd: projectRoot, stdio: 'ignore' });
  }
}
