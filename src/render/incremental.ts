import type { RenderOutcome, RenderTask } from './batch.js';
import { resolveExecutable } from '../engine/browser.js';
import { renderHtml, type HtmlOptions } from '../html/html.js';
import { Manifest, renderKey } from './up-to-date.js';
import type { ValidProfile } from '../profile/valid.js';

/** A batch split into what must be rendered and what is up to date, and how to remember what was written. */
export interface Incremental {
  stale: RenderTask[];
  /** The HTML of a profile, made once for the key and the render alike (other targets' HTML as asked). */
  html: (entry: ValidProfile, options?: HtmlOptions) => string;
  /** Stores the keys of the files written, in <out>/.ocindex-manifest.json. */
  record: (outcomes: RenderOutcome[]) => Promise<void>;
}

/** Every file a task writes: each of its `…Path` fields (the PDF, the HTML beside it, any other target's file). */
function filesOf(task: RenderTask): string[] {
  return Object.entries(task)
    .filter((field): field is [string, string] => field[0].endsWith('Path') && typeof field[1] === 'string')
    .map(([, path]) => path);
}

/** Which kinds of file a task writes ("pdfPath", "htmlPath"): part of its key, so asking for more renders again. */
const kindsOf = (task: RenderTask) => Object.keys(task).filter((name) => name.endsWith('Path')).sort();

export interface IncrementalOptions {
  /** Render every task, and still record them. */
  force?: boolean;
  /** The command's options that change the files (beyond which files are written): part of every key. */
  options?: Record<string, unknown>;
}

/**
 * Compares each task's key (see renderKey) with the manifest of the output folder. Resolving the
 * browser may throw a BrowserError.
 */
export async function upToDate(tasks: RenderTask[], out: string, { force = false, options = {} }: IncrementalOptions = {}): Promise<Incremental> {
  const htmls = new Map<ValidProfile, string>();
  const html = (entry: ValidProfile, options: HtmlOptions = {}) => {
    if (Object.keys(options).length > 0) return renderHtml(entry, options);
    let text = htmls.get(entry);
    if (text === undefined) htmls.set(entry, (text = renderHtml(entry)));
    return text;
  };
  if (tasks.length === 0) return { stale: [], html, record: async () => undefined };
  const browser = await resolveExecutable();
  const manifest = await Manifest.load(out);
  const keys = new Map<RenderTask, string>();
  const stale = tasks.filter((task) => {
    let key: string;
    try {
      // A press file is printed from the press HTML (its own stylesheet): both go into the key.
      const printed = task.pressPath === undefined ? [html(task.entry)] : [html(task.entry), html(task.entry, { target: 'press' })];
      key = renderKey(task.entry, printed, `${browser.source}:${browser.path}`, { ...options, files: kindsOf(task) });
    } catch {
      return true; // the render reports what is wrong with it
    }
    keys.set(task, key);
    return force || !manifest.isUpToDate(filesOf(task), key);
  });
  return {
    stale,
    html,
    record: async (outcomes) => {
      const written = outcomes.filter((o) => o.status === 'written');
      for (const { task } of written) {
        const key = keys.get(task);
        if (key) manifest.record(filesOf(task), key);
      }
      if (written.length > 0) await manifest.save();
    },
  };
}
