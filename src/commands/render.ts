import { InvalidArgumentError, Option, type Command } from 'commander';
import { dirname, join } from 'node:path';
import { loadConfig, type RenderTarget } from '../config/config.js';
import { loadCorpus, validate } from '../validate/corpus.js';
import { checkWritableFolder } from '../write/write.js';
import { parseShard, shardOf, type Shard } from '../read/shard.js';
import { slugOfCountry } from '../edition/names.js';
import { displayPath } from '../read/collect.js';
import { renderBatch, defaultConcurrency, defaultTimeoutMs, type RenderOutcome, type RenderTask } from '../render/batch.js';
import { measureFit } from '../engine/copy-fit.js';
import { changedProfiles, defaultChangedRef } from '../read/changed.js';
import { upToDate } from '../render/incremental.js';
import { renderHtml } from '../html/html.js';
import { documentDate } from '../postprocess/pdf-metadata.js';
import { createProgress } from './progress.js';
import { pressFingerprint, pressOptions } from '../postprocess/press/index.js';
import { humanReporter } from '../report/human.js';
import { summarize } from '../report/messages.js';
import type { ValidProfile } from '../profile/valid.js';
import { exitCodes } from '../errors.js';
import type { Io, SetExitCode } from './io.js';
import { plural } from '../text/english.js';

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

/** dist/<edition>/<slug>.pdf and/or <slug>.press.pdf, and .html beside it if wanted. */
function renderTask(entry: ValidProfile, out: string, html: boolean, targets: RenderTarget[]): RenderTask {
  const { data, edition } = entry;
  const base = join(out, edition.id, edition.countryByName.get(data.country)?.slug ?? slugOfCountry(data.country));
  return {
    entry,
    ...(targets.includes('screen') ? { pdfPath: `${base}.pdf` } : {}),
    ...(targets.includes('press') ? { pressPath: `${base}.press.pdf` } : {}),
    ...(html ? { htmlPath: `${base}.html` } : {}),
  };
}

/** Drafts and profiles under review never go to press: only their screen PDF is printed, if wanted. */
function withoutPress(entry: ValidProfile, targets: RenderTarget[]): RenderTarget[] {
  return entry.data.status === 'final' ? targets : targets.filter((target) => target !== 'press');
}

function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}


function summary(requested: number, skipped: number, outcomes: RenderOutcome[], ms: number, upToDate = 0): string {
  const count = (status: RenderOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  const parts = [`${count('written')} written`, `${skipped} skipped for errors`, `${count('overflow')} not fitting their pages`];
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
  // Read before any browser starts: a bad colour table or ICC profile is a usage error.
  const pressSettings = { ...(options.icc === undefined ? {} : { icc: options.icc }), cropMarks: options.cropMarks === true };
  const press = targets.includes('press') ? pressOptions(pressSettings) : undefined;
  const scope = paths.length > 0 ? paths : [config.content];
  const ref = options.changed === true ? defaultChangedRef : options.changed;
  const selected = ref === undefined ? scope : await changedProfiles(ref, scope);
  if (selected.length === 0) {
    io.stdout(`no profile in ${scope.map((p) => displayPath(p)).join(', ')} changed since ${ref}: nothing to render\n`);
    return exitCodes.ok;
  }
  const corpus = await loadCorpus(selected, { editionFolders: config.editions, contentFolders: [config.content] });
  if (corpus.sources.length === 0) {
    io.stderr(`ocindex: no profiles in ${paths.join(', ') || displayPath(config.content)}\n`);
    return exitCodes.failure;
  }
  // Ranks are checked over the whole corpus; a shard only chooses which files this run prints.
  const validation = validate(corpus, config.rules);
  const { shard } = options;
  const files = shard ? shardOf(validation.files, (file) => file.path, shard) : validation.files;
  const report = summarize(files, validation.editionFiles);
  if (report.messages.length > 0) io.stderr(humanReporter(report, { color: io.interactive }));
  const renderable = validation.valid.filter((entry) => files.includes(entry.profile.file) && !entry.profile.file.messages.some((m) => m.fatal));
  // Checked before any browser starts: a malformed value is a usage error, not a failure per profile.
  for (const entry of renderable) documentDate(entry.edition.year);
  // So is a broken template or stylesheet (a TemplateError or AssetError): one message, not one per profile.
  if (renderable[0]) renderHtml(renderable[0], press ? { target: 'press' } : {});

  const notFinal = targets.includes('press') ? renderable.filter((entry) => entry.data.status !== 'final') : [];
  for (const entry of notFinal) io.stderr(`${entry.profile.file.path}: status ${entry.data.status}: not sent to press (only final profiles are)\n`);
  const out = options.out ?? config.output;
  const all = renderable
    .map((entry) => ({ entry, wanted: withoutPress(entry, targets) }))
    .filter(({ wanted }) => wanted.length > 0)
    .map(({ entry, wanted }) => renderTask(entry, out, options.html === true, wanted));
  // Options that change the files' bytes go into their keys (which files are written is in the key already).
  const incremental = await upToDate(all, out, { force: options.force === true, options: press ? { press: pressFingerprint(press) } : {} });
  const tasks = incremental.stale;
  // An output folder that cannot be written fails now, not after every profile has been rendered.
  for (const folder of new Set(tasks.flatMap((task) => [task.pdfPath, task.pressPath, task.htmlPath]).filter((path) => path !== undefined).map((path) => dirname(path)))) await checkWritableFolder(folder);
  const controller = new AbortController();
  const signals = trapSignals(controller);
  const progress = createProgress(io, tasks.length);
  let outcomes: RenderOutcome[];
  try {
    outcomes = await renderBatch(tasks, {
      layout: { renderHtml: incremental.html, measureFit },
      concurrency: options.concurrency ?? config.concurrency ?? defaultConcurrency,
      timeoutMs: options.timeout * 1000,
      signal: controller.signal,
      ...(press ? { press } : {}),
      onDone: (outcome) =>
        progress.done(displayPath(outcome.task.pdfPath ?? outcome.task.pressPath ?? ''), outcome.status === 'written' ? undefined : `${outcome.task.entry.profile.file.path}: ${outcome.message}`),
    });
  } finally {
    progress.stop();
    signals.release();
  }
  await incremental.record(outcomes);
  const skipped = files.length - renderable.length;
  io.stdout(summary(files.length, skipped, outcomes, Date.now() - started, all.length - tasks.length));
  const stoppedBy = signals.stoppedBy();
  if (stoppedBy) {
    io.stderr(`ocindex: stopped by ${stoppedBy}; ${plural(tasks.length - outcomes.length, 'profile')} not rendered\n`);
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
    .option('--concurrency <n>', `profiles rendered at once, in one browser (default: the configured number, else ${defaultConcurrency})`, wholeNumber(1, 16))
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
