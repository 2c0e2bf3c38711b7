import type { Page } from 'puppeteer';
import type { ValidProfile } from '../../validate/rule.js';
import { renderProfile, type Layout, type ProfileRender } from '../pdf.js';
import type { PressOptions } from './index.js';
import { describeFinding, preflight } from './preflight.js';

/** The files of one profile: its screen PDF and/or press PDF, each with the path it goes to. */
export interface TargetPaths {
  pdfPath?: string;
  pressPath?: string;
}

export type TargetsRender =
  | { kind: 'files'; html: string; files: { path: string; bytes: Uint8Array }[] }
  | Extract<ProfileRender, { kind: 'overflow' }>;

/** A PDF that fails the toolkit's preflight is not written: the message lists each finding. */
export class PreflightError extends Error {}

async function checked(path: string, bytes: Uint8Array, press: boolean): Promise<{ path: string; bytes: Uint8Array }> {
  const { findings } = await preflight(bytes, { press });
  if (findings.length > 0) throw new PreflightError(`${press ? 'press' : 'screen'} PDF fails preflight: ${findings.map(describeFinding).join('; ')}`);
  return { path, bytes };
}

/**
 * Renders the targets a task asks for, on one page: the screen PDF, then the press PDF from the press
 * HTML (same text and line breaks; its copy-fit is measured again and must agree). Each PDF passes the
 * preflight before anything is written; the HTML returned is the screen's, else the press's.
 */
export async function renderTargets(page: Page, entry: ValidProfile, layout: Layout, paths: TargetPaths, press?: PressOptions): Promise<TargetsRender> {
  const files: { path: string; bytes: Uint8Array }[] = [];
  let html: string | undefined;
  if (paths.pdfPath !== undefined) {
    const screen = await renderProfile(page, entry, layout);
    if (screen.kind === 'overflow') return screen;
    html = screen.html;
    files.push(await checked(paths.pdfPath, screen.pdf, false));
  }
  if (paths.pressPath !== undefined) {
    if (!press) throw new Error('a press file was asked for without press options');
    const printed = await renderProfile(page, entry, layout, press);
    if (printed.kind === 'overflow') return printed;
    html ??= printed.html;
    files.push(await checked(paths.pressPath, printed.pdf, true));
  }
  return { kind: 'files', html: html ?? '', files };
}
