import { execFileSync } from 'node:child_process';
import type { Heading, Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/**
 * Reading a PDF as outsiders do: poppler's structure tree (pdfinfo -struct-text) and mupdf's
 * device calls (mutool trace) and text (mutool draw -F txt), from Debian's packages, never this
 * project's own PDF readers.
 */

/** Words as compared: lower case (the design's capitals are CSS), without soft hyphens or surrounding punctuation. */
export function words(text: string): string[] {
  return text
    .split(/\s+/)
    .map((word) => word.replace(/\u00AD/g, '').normalize('NFKC').toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
}

/** The words of a Markdown profile's narrative: its headings and paragraphs, in order. */
export function markdownWords(markdown: string): string[] {
  const tree = unified().use(remarkParse).use(remarkFrontmatter).parse(markdown);
  const blocks: string[] = [];
  visit(tree, (node) => {
    if (node.type !== 'heading' && node.type !== 'paragraph') return undefined;
    blocks.push(toString(node as Heading | Paragraph));
    return 'skip';
  });
  return words(blocks.join(' '));
}

/** One line of `pdfinfo -struct-text`: a structure element's type or a piece of its content, at a depth. */
export interface StructLine {
  depth: number;
  type?: string;
  text?: string;
}

/** The structure tree as poppler reads it: each element, and the text of each marked-content reference. */
export function popplerStructure(pdfPath: string): StructLine[] {
  const out = execFileSync('pdfinfo', ['-struct-text', pdfPath], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const depth = (line.length - line.trimStart().length) / 2;
      const body = line.trim();
      const text = /^"(.*)"$/.exec(body)?.[1];
      return text === undefined ? { depth, type: (body.split(' ')[0] as string).replace(/:$/, '') } : { depth, text };
    });
}

/** The words of the content under every element of a type (`Art`), in order; all words without a type. */
export function structureWords(lines: StructLine[], under?: string): string[] {
  const texts: string[] = [];
  let inside: number | undefined;
  for (const line of lines) {
    if (inside !== undefined && line.depth <= inside) inside = undefined;
    if (line.type !== undefined && line.type === under && inside === undefined) inside = line.depth;
    if (line.text !== undefined && (under === undefined || inside !== undefined)) texts.push(line.text);
  }
  return words(texts.join(' '));
}

/** Whether `needle` occurs in `haystack` in order, not necessarily together; else the first word missing. */
export function firstMissing(needle: string[], haystack: string[]): string | undefined {
  let at = 0;
  for (const word of needle) {
    while (at < haystack.length && haystack[at] !== word) at += 1;
    if (at === haystack.length) return word;
    at += 1;
  }
  return undefined;
}

const painting = /^\s*<(fill_path|stroke_path|fill_text|stroke_text|fill_image|fill_image_mask|fill_shade|ignore_text)\b/;

/** Per page, what mupdf paints outside any marked content (`mutool trace` shows marked content as layers). */
export function unmarkedPainting(pdfPath: string): number[] {
  const trace = execFileSync('mutool', ['trace', pdfPath], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  const pages: number[] = [];
  let depth = 0;
  for (const line of trace.split('\n')) {
    if (line.startsWith('<page ')) {
      pages.push(0);
      depth = 0;
    } else if (/^\s*<layer /.test(line)) depth += 1;
    else if (/^\s*<end_layer/.test(line)) depth -= 1;
    else if (depth === 0 && painting.test(line)) pages[pages.length - 1]! += 1;
  }
  return pages;
}

/** The text mupdf extracts from a PDF. */
export function mupdfText(pdfPath: string): string {
  return execFileSync('mutool', ['draw', '-F', 'txt', '-o', '-', pdfPath], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

/** Every ActualText a PDF's objects hold, decoded (`mutool show … grep` prints one object a line). */
export function actualTexts(pdfPath: string): string[] {
  const objects = execFileSync('mutool', ['show', pdfPath, 'grep'], { encoding: 'latin1', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  return [...objects.matchAll(/\/ActualText\s*<([0-9A-Fa-f]*)>/g)].map((m) => {
    const hex = m[1] ?? '';
    return hex.toUpperCase().startsWith('FEFF') ? Buffer.from(hex.slice(4), 'hex').swap16().toString('utf16le') : Buffer.from(hex, 'hex').toString('latin1');
  });
}
