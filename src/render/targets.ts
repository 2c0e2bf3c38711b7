import type { ValidProfile } from '../profile/valid.js';
import type { PageFit } from '../engine/copy-fit.js';
import { finishPrint, printOnPage, renderFinishing, type Finishing, type Layout, type RawPrint } from './print.js';
import type { WarmPage } from '../engine/warm-page.js';
import type { PressOptions } from '../postprocess/press/index.js';
import { describeFinding, preflightDocument } from '../preflight/preflight.js';
import { pdfContext } from '../postprocess/index.js';

/** The files of one profile: its screen PDF and/or press PDF, each with the path it goes to. */
export interface TargetPaths {
  pdfPath?: string;
  pressPath?: string;
}

/** The targets of a profile as the page printed them, to be finished (post-processing, preflight) by Node. */
export type TargetsPrint =
  | { kind: 'printed'; html: string; prints: TargetPrint[] }
  | { kind: 'overflow'; pages: PageFit[] };

/** A PDF that fails the toolkit's preflight is not written: the message lists each finding. */
export class PreflightError extends Error {}

/**
 * The page's part of the targets a task asks for, on one warm page: the screen PDF, then the press PDF
 * from the press HTML (same text and line breaks; its copy-fit is measured again and must agree). The
 * HTML returned is the screen's, else the press's.
 */
export async function printTargets(page: WarmPage, entry: ValidProfile, layout: Layout, paths: TargetPaths, press?: PressOptions): Promise<TargetsPrint> {
  const prints: TargetPrint[] = [];
  let html: string | undefined;
  for (const [path, isPress] of [[paths.pdfPath, false], [paths.pressPath, true]] as const) {
    if (path === undefined) continue;
    if (isPress && !press) throw new Error('a press file was asked for without press options');
    const printed = await printOnPage(page, entry, layout, isPress);
    if (printed.kind === 'overflow') return printed;
    html ??= printed.html;
    prints.push({ path, raw: printed.raw, softHyphens: printed.softHyphens, press: isPress });
  }
  return { kind: 'printed', html: html ?? '', prints };
}

/** One print of a profile's, to be finished: where it goes, whether it is the press file, Chromium's PDF. */
export type TargetPrint = { path: string; press: boolean } & RawPrint;

/** A finished file of a profile's: where it goes and its bytes. */
export interface FinishedFile {
  path: string;
  bytes: Uint8Array;
}

/**
 * Node's part: each PDF post-processed and passing the preflight, before anything is written; a file
 * that fails it throws a PreflightError. The steps' context is made once for all the profile's files.
 */
export async function finishTargets(printed: Extract<TargetsPrint, { kind: 'printed' }>, entry: ValidProfile, press?: PressOptions, finishing: Finishing = renderFinishing): Promise<FinishedFile[]> {
  const context = pdfContext(entry);
  const files: FinishedFile[] = [];
  for (const print of printed.prints) {
    const { bytes, doc } = await finishPrint(print, context, print.press ? press : undefined, finishing);
    const { findings } = preflightDocument(doc, bytes, { press: print.press, checks: finishing.checks });
    if (findings.length > 0) throw new PreflightError(`${print.press ? 'press' : 'screen'} PDF fails preflight: ${findings.map(describeFinding).join('; ')}`);
    files.push({ path: print.path, bytes });
  }
  return files;
}
