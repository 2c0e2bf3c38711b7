import { Option, type Command } from 'commander';
import { loadConfig } from '../config/config.js';
import { loadCorpus, validate } from '../validate/corpus.js';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { changedSince, defaultChangedRef } from '../read/changed.js';
import { packagePath } from '../package/paths.js';
import { checkCopyFit } from '../check/gate.js';
import { displayPath } from '../read/collect.js';
import { BrowserError } from '../errors.js';
import { reporters } from '../report/index.js';
import { summarize } from '../report/messages.js';
import { exitCodes } from '../errors.js';
import type { Io, SetExitCode } from './io.js';
import { saveSpellingVerdicts } from '../validate/prose/lexicon.js';

interface CheckOptions {
  format: string;
  changed?: string | true;
}

/** Edition folders inside the working folder (git can diff only those): the shipped one when this is the toolkit's own repository, and the config's. */
function trackedEditionFolders(extra: string[]): string[] {
  return [packagePath('editions'), ...extra].filter((folder) => !relative(process.cwd(), folder).startsWith('..'));
}

/**
 * What --changed selects: the changed profiles (and their translations), each profile of an edition whose edition file changed,
 * and as context the folders a deleted profile leaves (the ranks of the rest move). Main sees all of it.
 */
async function changedSelection(ref: string, scope: string[], content: string, editionFolders: string[]): Promise<{ selected: string[]; contextFolders: string[] }> {
  const changed = await changedSince(ref, scope, trackedEditionFolders(editionFolders));
  const editionContent = changed.editions.map((id) => join(content, id)).filter((folder) => existsSync(folder));
  return { selected: [...changed.profiles, ...editionContent], contextFolders: changed.deletedFrom };
}

async function check(paths: string[], options: CheckOptions, io: Io): Promise<number> {
  const config = await loadConfig();
  const scope = paths.length > 0 ? paths : [config.content];
  const ref = options.changed === true ? defaultChangedRef : options.changed;
  const { selected, contextFolders } = ref === undefined ? { selected: scope, contextFolders: [] } : await changedSelection(ref, scope, config.content, config.editions);
  if (ref !== undefined && selected.length === 0 && contextFolders.length === 0) {
    io.stderr(`ocindex: no profile in ${scope.map((p) => displayPath(p)).join(', ')} changed since ${ref}\n`);
  }
  const corpus = selected.length > 0 || contextFolders.length > 0 ? await loadCorpus(selected, { editionFolders: config.editions, contentFolders: [config.content], contextFolders }) : undefined;
  if (corpus && corpus.sources.length === 0 && corpus.context.length === 0) {
    io.stderr(`ocindex: no profiles in ${scope.map((p) => displayPath(p)).join(', ')}\n`);
    return exitCodes.failure;
  }
  const validation = corpus ? validate(corpus, config.rules) : { files: [], valid: [], editionFiles: [], affected: [] };
  await saveSpellingVerdicts();
  const printable = validation.valid.filter((entry) => !entry.profile.file.messages.some((m) => m.fatal));
  try {
    await checkCopyFit(printable, { settings: config.rules });
  } catch (error) {
    if (!(error instanceof BrowserError)) throw error;
    io.stderr(`ocindex: copy-fit needs Chromium: ${error.message}\n`);
    return exitCodes.failure;
  }
  for (const file of validation.files) file.messages.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  const summary = summarize(validation.files, validation.editionFiles, validation.affected);
  io.stdout(reporters[options.format]?.(summary, { color: io.interactive }) ?? '');
  return summary.errors > 0 ? exitCodes.contentErrors : exitCodes.ok;
}

export function registerCheck(cli: Command, io: Io, setExitCode: SetExitCode): void {
  cli
    .command('check')
    .argument('[paths...]', 'profile files or folders (default: the configured content folder, else content)')
    .addOption(new Option('--format <format>', 'report format').choices(Object.keys(reporters)).default('human'))
    .option('--changed [git-ref]', `only the profiles changed since git-ref (its merge base with HEAD; default ${defaultChangedRef}), untracked ones included`)
    .action(async (paths: string[], options: CheckOptions) => setExitCode(await check(paths, options, io)));
}
