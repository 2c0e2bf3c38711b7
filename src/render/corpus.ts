import { dirname, join } from 'node:path';
import { slugOfCountry } from '../edition/names.js';
import { renderHtml } from '../html/html.js';
import { documentDate } from '../postprocess/pdf-metadata.js';
import { pressFingerprint, pressOptions } from '../postprocess/press/index.js';
import type { ValidProfile } from '../profile/valid.js';
import { checkWritableFolder } from '../write/write.js';
import { renderBatch, defaultConcurrency, defaultTimeoutMs, type RenderOutcome, type RenderTask } from './batch.js';
import { upToDate } from './incremental.js';

/** What a profile is printed as: the screen PDF (<slug>.pdf) or the press PDF/X-4 (<slug>.press.pdf). */
export type RenderTarget = 'screen' | 'press';

export interface RenderCorpusOptions {
  /** Output folder: <out>/<edition>/<slug>.pdf (screen) and <slug>.press.pdf (press). */
  out: string;
  targets?: RenderTarget[];
  /** Also write <slug>.html beside each PDF. */
  html?: boolean;
  /** Render profiles whose files are up to date too. */
  force?: boolean;
  /** Press files: another CMYK output profile than the toolkit's, and crop marks. */
  icc?: string;
  cropMarks?: boolean;
  concurrency?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Called before the batch starts, with the number of profiles to print. */
  onStart?: (count: number) => void;
  onDone?: (outcome: RenderOutcome) => void;
}

export interface CorpusRender {
  outcomes: RenderOutcome[];
  /** Profiles that were to be printed (not up to date). */
  printed: number;
  /** Profiles whose files were up to date, not printed again. */
  upToDate: number;
  /** Drafts and profiles under review that a press target leaves out. */
  notFinal: ValidProfile[];
}

/**
 * <out>/<edition>/<slug>.pdf and/or <slug>.press.pdf, and .html beside it if wanted; a translation's
 * files carry its language before the extension (<slug>.fr.pdf, <slug>.fr.press.pdf) beside its source's.
 */
function renderTask(entry: ValidProfile, out: string, html: boolean, targets: RenderTarget[]): RenderTask {
  const { data, edition } = entry;
  const slug = edition.countryByName.get(data.country)?.slug ?? slugOfCountry(data.country);
  const base = join(out, edition.id, entry.translation && data.lang ? `${slug}.${data.lang}` : slug);
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

/**
 * Prints valid profiles to their files: what `ocindex render` does once it has chosen and validated
 * them. Everything that would fail every profile alike (a bad date, a broken template, a bad colour
 * table or ICC profile, an output folder that cannot be written) throws before any is printed;
 * profiles whose files are up to date are left as they are.
 */
export async function renderCorpus(entries: ValidProfile[], options: RenderCorpusOptions): Promise<CorpusRender> {
  const targets = options.targets ?? ['screen'];
  const press = targets.includes('press') ? pressOptions({ ...(options.icc === undefined ? {} : { icc: options.icc }), cropMarks: options.cropMarks === true }) : undefined;
  for (const entry of entries) documentDate(entry.edition.year);
  if (entries[0]) renderHtml(entries[0], press ? { target: 'press' } : {});

  const notFinal = press ? entries.filter((entry) => entry.data.status !== 'final') : [];
  const all = entries
    .map((entry) => ({ entry, wanted: withoutPress(entry, targets) }))
    .filter(({ wanted }) => wanted.length > 0)
    .map(({ entry, wanted }) => renderTask(entry, options.out, options.html === true, wanted));
  // Options that change the files' bytes go into their keys (which files are written is in the key already).
  const incremental = await upToDate(all, options.out, { force: options.force === true, options: press ? { press: pressFingerprint(press) } : {} });
  const tasks = incremental.stale;
  const folders = new Set(tasks.flatMap((task) => [task.pdfPath, task.pressPath, task.htmlPath]).filter((path) => path !== undefined).map((path) => dirname(path)));
  for (const folder of folders) await checkWritableFolder(folder);

  options.onStart?.(tasks.length);
  const outcomes = await renderBatch(tasks, {
    layout: { renderHtml: incremental.html },
    concurrency: options.concurrency ?? defaultConcurrency,
    timeoutMs: options.timeoutMs ?? defaultTimeoutMs,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(press ? { press } : {}),
    ...(options.onDone ? { onDone: options.onDone } : {}),
  });
  await incremental.record(outcomes);
  return { outcomes, printed: tasks.length, upToDate: all.length - tasks.length, notFinal };
}
