import { InvalidArgumentError, Option, type Command } from 'commander';
import { concurrencyRange, loadConfig, type RenderTarget } from '../config/config.js';
import { loadCorpus, validate } from '../validate/corpus.js';
import { parseShard, shardOf, type Shard } from '../read/shard.js';
import { displayPath } from '../read/collect.js';
import { defaultConcurrency, defaultTimeoutMs, type RenderOutcome } from '../render/batch.js';
import { renderCorpus, type CorpusRender } from '../render/corpus.js';
import { changedProfiles, defaultChangedRef } from '../read/changed.js';
import { createProgress, type Progress } from './progress.js';
import { humanReporter } from '../report/human.js';
import { summarize } from '../report/messages.js';
import { exitCodes } from '../errors.js';
import type { Io, SetExitCode } from './io.js';
import { plural } from '../text/english.js';
import { saveSpellingVerdicts } from '../validate/prose/lexicon.js';
import { escapeUnprintable } from '../text/unprintable.js';

interface RenderOptions {
  out?: string;
  force?: boolean;
  changed?: string | true;
  concurrency?: number;
  timeout: number;
  html?: boolean;
  shard?: Shard;
  target?: 'screen' | 'press' | 'both';
  cropMarks?: boolean;
  icc?: string;
}

function wholeNumber(min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
    return n;
  };
}

function shardOption(value: string): Shard {
  try {
    return parseShard(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}


function summary(requested: number, skipped: number, outcomes: RenderOutcome[], ms: number, upToDate = 0, notFinal = 0): string {
  const count = (status: RenderOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  const parts = [`${count('written')} written`, `${skipped} skipped for errors`];
  if (notFinal > 0) parts.push(`${notFinal} not final (not sent to press)`);
  parts.push(`${count('overflow')} not fitting their pages`);
  const failed = count('failed') + count('unwritable') + count('template');
  parts.push(`${failed} failed`);
  if (upToDate > 0) parts.push(`${upToDate} up to date (not rendered again; --force renders them)`);
  return `${plural(requested, 'profile')}: ${parts.join(', ')} in ${duration(ms)}\n`;
}

/** The signal that stopped the batch, if one did; Ctrl-C and SIGTERM close the browser and write nothing more. */
function trapSignals(controller: AbortController): { stoppedBy: () => NodeJS.Signals | undefined; release: () => void } {
  let stoppedBy: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    stoppedBy ??= signal;
    controller.abort();
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.on(signal, onSignal);
  return { stoppedBy: () => stoppedBy, release: () => signals.forEach((signal) => process.off(signal, onSignal)) };
}

const signalExitCodes: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

async function render(paths: string[], options: RenderOptions, io: Io): Promise<number> {
  const started = Date.now();
  const config = await loadConfig();
  const targets: RenderTarget[] = options.target ? (options.target === 'both' ? ['screen', 'press'] : [options.target]) : (config.targets ?? ['screen']);
  if (!targets.includes('press') && (options.cropMarks || options.icc !== undefined)) {
    io.stderr(`ocindex: ${options.cropMarks ? '--crop-marks' : '--icc'} is for press files: add --target press or both\n`);
    return exitCodes.failure;
  }
  const scope = paths.length > 0 ? paths : [config.content];
  const ref = options.changed === true ? defaultChangedRef : options.changed;
  const selected = ref === undefined ? scope : await changedProfiles(ref, scope);
  if (selected.length === 0) {
    io.stdout(`no profile in ${scope.map((p) => displayPath(p)).join(', ')} changed since ${ref}: nothing to render\n`);
    return exitCodes.ok;
  }
  const corpus = await loadCorpus(selected, { editionFolders: config.editions, contentFolders: [config.content], prose: config.prose });
  if (corpus.sources.length === 0) {
    io.stderr(`ocindex: no profiles in ${escapeUnprintable(paths.join(', ') || displayPath(config.content))}\n`);
    return exitCodes.failure;
  }
  // Ranks are checked over the whole corpus; a shard only chooses which files this run prints.
  const validation = validate(corpus, config.rules);
  await saveSpellingVerdicts();
  const { shard } = options;
  const files = shard ? shardOf(validation.files, (file) => file.path, shard) : validation.files;
  const report = summarize(files, validation.editionFiles);
  if (report.messages.length > 0) io.stderr(humanReporter(report, { color: io.interactive }));
  const renderable = validation.valid.filter((entry) => files.includes(entry.profile.file) && !entry.profile.file.messages.some((m) => m.fatal));

  const controller = new AbortController();
  const signals = trapSignals(controller);
  let progress: Progress | undefined;
  let result: CorpusRender;
  try {
    result = await renderCorpus(renderable, {
      out: options.out ?? config.output,
      targets,
      html: options.html === true,
      force: options.force === true,
      ...(options.icc === undefined ? {} : { icc: options.icc }),
      cropMarks: options.cropMarks === true,
      concurrency: options.concurrency ?? config.concurrency ?? defaultConcurrency,
      timeoutMs: options.timeout * 1000,
      signal: controller.signal,
      onStart: (count) => (progress = createProgress(io, count)),
      // Every file a profile's task writes is named: with --target both, its screen and its press PDF; with --html, its HTML too.
      onDone: (outcome) =>
        progress?.done(
          [outcome.task.pdfPath, outcome.task.pressPath, outcome.task.htmlPath].flatMap((path) => (path ? [displayPath(path)] : [])).join(' and '),
          outcome.status === 'written' ? undefined : `${outcome.task.entry.profile.file.path}: ${outcome.message}`,
        ),
    });
  } finally {
    progress?.stop();
    signals.release();
  }
  const { outcomes, notFinal } = result;
  for (const entry of notFinal) io.stderr(`${escapeUnprintable(entry.profile.file.path)}: status ${entry.data.status}: not sent to press (only final profiles are)\n`);
  const skipped = files.length - renderable.length;
  io.stdout(summary(files.length, skipped, outcomes, Date.now() - started, result.upToDate, notFinal.length));
  const stoppedBy = signals.stoppedBy();
  if (stoppedBy) {
    io.stderr(`ocindex: stopped by ${stoppedBy}; ${plural(result.printed - outcomes.length, 'profile')} not rendered\n`);
    return signalExitCodes[stoppedBy] ?? exitCodes.failure;
  }
  if (outcomes.some((o) => o.status === 'unwritable' || o.status === 'template')) return exitCodes.failure;
  return outcomes.every((o) => o.status === 'written') && skipped === 0 && notFinal.length === 0 ? exitCodes.ok : exitCodes.contentErrors;
}

export function registerRender(cli: Command, io: Io, setExitCode: SetExitCode): void {
  cli
    .command('render')
    .argument('[paths...]', 'profile files or folders (default: the configured content folder, else content)')
    .option('--out <folder>', 'output folder (default: the configured one, else dist)')
    .option('--concurrency <n>', `profiles rendered at once, in one browser (default: the configured number, else ${defaultConcurrency})`, wholeNumber(concurrencyRange.minimum, concurrencyRange.maximum))
    .option('--timeout <seconds>', 'time allowed per profile', wholeNumber(1, 3600), defaultTimeoutMs / 1000)
    .option('--html', 'also write the HTML next to each PDF')
    .option('--force', 'render every profile, even those whose PDF is up to date')
    .option('--changed [git-ref]', `only the profiles changed since git-ref (its merge base with HEAD; default ${defaultChangedRef}), untracked ones included`)
    .option('--shard <i/n>', 'render only shard i of n: a deterministic share of the profiles, for a CI matrix', shardOption)
    .addOption(new Option('--target <target>', 'screen: <slug>.pdf; press: <slug>.press.pdf, PDF/X-4 with bleed (final profiles only); both (default: the configured targets, else screen)').choices(['screen', 'press', 'both']))
    .option('--crop-marks', 'press files: add trim marks outside the bleed')
    .option('--icc <file>', 'press files: the CMYK output ICC profile (default: the toolkit\'s FOGRA39 profile)')
    .action(async (paths: string[], options: RenderOptions) => setExitCode(await render(paths, options, io)));
}
