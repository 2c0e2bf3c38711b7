import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Temporary folders of one test file, removed by its afterAll (vitest fires no exit event in workers). */
export function temporaryFolders(): { make: () => string; removeAll: () => void } {
  const made: string[] = [];
  return {
    make: () => {
      const folder = mkdtempSync(join(tmpdir(), 'ocindex-press-'));
      made.push(folder);
      return folder;
    },
    removeAll: () => made.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })),
  };
}

/** Writes profile texts (path -> Markdown) under a folder. */
export function writeContent(root: string, files: Record<string, string>): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** Each text item pdf.js finds on each page, with its position in points. */
export async function textItems(pdf: Uint8Array): Promise<{ str: string; eol: boolean; x: number; y: number }[][]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const { items } = await (await doc.getPage(n)).getTextContent();
    pages.push(items.flatMap((item) => ('str' in item ? [{ str: item.str, eol: item.hasEOL, x: item.transform[4] as number, y: item.transform[5] as number }] : [])));
  }
  await doc.destroy();
  return pages;
}

interface Canvas2d {
  getImageData(x: number, y: number, width: number, height: number): { data: Uint8ClampedArray };
}

/** The colour pdf.js paints at points of page 1 (PDF coordinates), rendered at 1 px per point. */
export async function coloursAt(pdf: Uint8Array, points: [number, number][]): Promise<number[][]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  try {
    const page = await doc.getPage(1);
    const viewport = page.getViewport({ scale: 1 });
    // pdf.js draws on @napi-rs/canvas in Node (its optional dependency), through its own factory.
    const factory = doc.canvasFactory as { create(width: number, height: number): { canvas: unknown; context: Canvas2d } };
    const { canvas, context } = factory.create(viewport.width, viewport.height);
    await page.render({ canvasContext: context, viewport, canvas } as unknown as Parameters<typeof page.render>[0]).promise;
    const [left, bottom] = page.view as [number, number];
    return points.map(([x, y]) => Array.from(context.getImageData(Math.floor(x - left), Math.floor(viewport.height - (y - bottom)), 1, 1).data).slice(0, 3));
  } finally {
    await doc.destroy();
  }
}
