import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { renderBatch, type BatchOptions, type RenderOutcome } from '../render/batch.js';
import { renderHtml } from '../html/html.js';
import type { Layout } from '../render/print.js';
import { validProfile } from './fixtures.js';
import { tempFolder } from './support.js';

export const layout: Layout = { renderHtml };

/** The text of each page, as pdf.js extracts it (what a reader's search and copy see). */
export async function pageTexts(pdf: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const { items } = await (await doc.getPage(n)).getTextContent();
    pages.push(items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(' '));
  }
  await doc.destroy();
  return pages;
}

/** Runs of white space as one space. */
export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Letters and digits only, lower-cased: compares text across line breaks, hyphenation and case. */
export const lettersOf = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Renders profile texts (path -> Markdown) into a fresh folder; the outcomes and the folder. */
export async function renderTexts(files: Record<string, string>, options: Partial<BatchOptions> = {}): Promise<{ outcomes: RenderOutcome[]; out: string }> {
  const out = tempFolder();
  const tasks = Object.entries(files).map(([path, text]) => {
    const entry = validProfile(text, path);
    return { entry, pdfPath: join(out, entry.edition.id, `${entry.profile.file.stem}.pdf`) };
  });
  return { outcomes: await renderBatch(tasks, { layout, ...options }), out };
}

/** Writes profile texts under a fresh content folder, as an author would have them. */
export function contentFolder(files: Record<string, string>): string {
  const root = tempFolder();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** Every file under a folder, relative to it; hidden ones (render's .ocindex-manifest.json) aside. */
export function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort();
}

export const readPdf = (path: string) => new Uint8Array(readFileSync(path));
