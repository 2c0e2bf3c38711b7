import { InvalidArgumentError, type Command } from 'commander';
import { join } from 'node:path';
import { loadConfig } from '../config/config.js';
import { loadCorpus } from '../corpus.js';
import { parseShard, shardOf, type Shard } from '../shard.js';
import { slugOfCountry } from '../edition/names.js';
import { displayPath } from '../io/collect.js';
import { renderBatch, defaultConcurrency, defaultTimeoutMs, type RenderOutcome, type RenderTask } from '../render/batch.js';
import { BrowserError } from '../render/browser.js';
import { measureFit } from '../render/copy-fit.js';
import { renderHtml } from '../render/html.js';
import { documentDate } from '../render/pdf-metadata.js';
import { createProgress } from '../render/progress.js';
import { humanReporter } from '../report/human.js';
import { summarize } from '../report/messages.js';
import type { ValidProfile } from '../validate/rule.js';
import { validateSources } from '../validate/validate.js';
import { exitCodes, type Io, type SetExitCode } from './io.js';
import { plural } from '../io/suggest.js';

interface RenderOptions {
  out?: string;
  concurrency?: number;
  timeout: number;
  html?: boolean;
  shard?: Shard;
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

/** dist/<edition>/<slug>.pdf, and .html beside it if wanted. */
function renderTask(entry: ValidProfile, out: string, html: boolean): RenderTask {
  const { data, edition } = entry;
  const base = join(out, edition.id, edition.countryByName.get(data.country)?.slug ?? slugOfCountry(data.country));
  return { entry, pdfPath: `${base}.pdf`, ...(html ? { htmlPath: `${base}.html` } : {}) };
}

function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}


function summary(requested: number, skipped: number, outcomes: RenderOutcome[], ms: number): string {
  const count = (status: RenderOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  const parts = [`${count('written')} written`, `${skipped} skipped for errors`, `${count('overflow')} not fitting their pages`];
  const failed = count('failed') + count('unwritable');
  parts.push(`${failed} failed`);
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
  const corpus = await loadCorpus(paths.length > 0 ? paths : [config.content], { editionFolders: config.editions, prose: config.prose });
  if (corpus.sources.length === 0) {
    io.stderr(`ocindex: no profiles in ${paths.join(', ') || displayPath(config.content)}\n`);
    return exitCodes.failure;
  }
  // Ranks are checked over the whole corpus; a shard only chooses which files this run prints.
  const validation = validateSources(corpus.sources, corpus.editions, config.rules, undefined, corpus.prose);
  const { shard } = options;
  const files = shard ? shardOf(validation.files, (file) => file.path, shard) : validation.files;
  const report = summarize(files);
  if (report.messages.length > 0) io.stderr(humanReporter(report, { color: io.interactive }));
  const renderable = validation.valid.filter((entry) => files.includes(entry.profile.file) && !entry.profile.file.messages.some((m) => m.fatal));
  // Checked before any browser starts: a malformed value is a usage error, not a failure per profile.
  for (const entry of renderable) documentDate(entry.edition.year);

  const tasks = renderable.map((entry) => renderTask(entry, options.out ?? config.output, options.html === true));
  const controller = new AbortController();
  const signals = trapSignals(controller);
  const progress = createProgress(io, tasks.length);
  let outcomes: RenderOutcome[];
  try {
    outcomes = await renderBatch(tasks, {
      layout: { renderHtml, measureFit },
      concurrency: options.concurrency ?? config.concurrency ?? defaultConcurrency,
      timeoutMs: options.timeout * 1000,
      signal: controller.signal,
      onDone: (outcome) =>
        progress.done(displayPath(outcome.task.pdfPath), outcome.status === 'written' ? undefined : `${outcome.task.entry.profile.file.path}: ${outcome.message}`),
    });
  } catch (error) {
    if (!(error instanceof BrowserError)) throw error;
    io.stderr(`ocindex: ${error.message}\n`);
    return exitCodes.failure;
  } finally {
    progress.stop();
    signals.release();
  }
  const skipped = files.length - renderable.length;
  io.stdout(summary(files.length, skipped, outcomes, Date.now() - started));
  const stoppedBy = signals.stoppedBy();
  if (stoppedBy) {
    io.stderr(`ocindex: stopped by ${stoppedBy}; ${plural(tasks.length - outcomes.length, 'profile')} not rendered\n`);
    return signalExitCodes[stoppedBy] ?? exitCodes.failure;
  }
  if (outcomes.some((o) => o.status === 'unwritable')) return exitCodes.failure;
  return outcomes.every((o) => o.status === 'written') && skipped === 0 ? exitCodes.ok : exitCodes.contentErrors;
}

export function registerRender(cli: Command, io: Io, setExitCode: SetExitCode): void {
  cli
    .command('render')
    .description('print profiles to PDF, dist/<edition>/<slug>.pdf; profiles with errors are reported and skipped')
    .argument('[paths...]', 'profile files or folders (default: the configured content folder, else content)')
    .option('--out <folder>', 'output folder (default: the configured one, else dist)')
    .option('--concurrency <n>', `profiles rendered at once, in one browser (default: the configured number, else ${defaultConcurrency})`, wholeNumber(1, 16))
    .option('--timeout <seconds>', 'time allowed per profile', wholeNumber(1, 3600), defaultTimeoutMs / 1000)
    .option('--html', 'also write the HTML next to each PDF')
    .option('--shard <i/n>', 'render only shard i of n: a deterministic share of the profiles, for a CI matrix', shardOption)
    .action(async (paths: string[], options: RenderOptions) => setExitCode(await render(paths, options, io)));
}
