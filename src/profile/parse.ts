import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { location } from 'vfile-location';
import { isCollection, isMap, isNode, isPair, isScalar, parseDocument, visit as visitYaml, type Alias, type Document, type Node, type YAMLError } from 'yaml';
import type { SourceFile } from '../read/collect.js';
import { checkNarrative, narrativeLimits, walkTree } from './limits.js';
import { firstLine } from '../errors.js';

/** A profile may not be larger than this: a full two-page narrative is about 30 KB. */
export const maxProfileBytes = 1024 * 1024;

/**
 * The front-matter's YAML may not be larger than this (a profile's is about 1.5 KB): the YAML
 * parser checks duplicate keys and anchors in quadratic time, some 0.2 s at this size.
 */
export const maxFrontMatterBytes = 32 * 1024;

/**
 * Anchors and aliases stay legal YAML, but expanding them may produce at most this many alias
 * values, so an alias bomb (`b: &b [*a, *a, …]`, `c: [*b, *b, …]`) is refused, not expanded.
 */
export const maxAliasCount = 100;

export interface Point {
  line: number;
  column: number;
}

/** A Markdown profile, parsed: front-matter as data and as a YAML document, body as mdast. */
export interface Profile {
  file: VFile;
  text: string;
  data: Record<string, unknown>;
  doc: Document.Parsed;
  /** Offsets in `text` of the YAML between the fences. */
  frontMatter: { start: number; end: number };
  /** The narrative: the Markdown after the front-matter, with positions in the whole file. */
  tree: Root;
  /** First line of the narrative. */
  bodyLine: number;
  eol: '\n' | '\r\n';
  /** Where a front-matter field's key (or value) stands; the nearest existing ancestor if it is missing. */
  locate(path: readonly (string | number)[], part?: 'key' | 'value'): Point;
}

/** Why a file is not a profile at all, with the rule id and offset to report. */
export interface ParseProblem {
  ruleId: 'file' | 'frontmatter' | 'markdown';
  reason: string;
  offset: number;
}

const markdown = unified().use(remarkParse);

// C0 controls other than tab, line feed and carriage return, and DEL: never in a text file, and
// NUL costs the Markdown parser a replacement each.
// eslint-disable-next-line no-control-regex
const controlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

// The fences remark-frontmatter recognises: '---' as the first line, and a later '---' line.
// Splitting them off here and parsing only the narrative as Markdown makes validation about
// 3x faster (micromark tokenizes every front-matter line only to hand the block back as text).
const openingFence = /^---[ \t]*\r?\n/;
const closingFence = /^---[ \t]*(?:\r?\n|$)/gm;

/** Parses the narrative alone, then moves its positions to where it stands in the file. */
function parseNarrative(text: string, bodyStart: number, wanted: boolean): { tree: Root; bodyLine: number } | ParseProblem {
  const lineOffset = text.slice(0, bodyStart).split('\n').length - 1;
  const body = text.slice(bodyStart);
  // Most drafts have no narrative yet: skip the Markdown parser's set-up for them.
  if (!wanted || body.trim() === '') return { tree: { type: 'root', children: [] }, bodyLine: lineOffset + 1 };
  const limit = checkNarrative(body);
  if (limit) return { ruleId: 'markdown', offset: bodyStart + limit.offset, reason: limit.reason };
  // micromark drops a byte-order mark that opens its input, which would put every position one
  // character early; a space in its place keeps them (and, like the mark, prints nothing).
  const tree = markdown.parse(body.startsWith('\uFEFF') ? ` ${body.slice(1)}` : body);
  const tooDeep = walkTree(tree, (node) => {
    for (const point of node.position ? [node.position.start, node.position.end] : []) {
      point.line += lineOffset;
      if (point.offset !== undefined) point.offset += bodyStart;
    }
  });
  if (tooDeep) {
    const offset = bodyStart + (tooDeep.position?.start.offset ?? 0);
    return { ruleId: 'markdown', offset, reason: `Markdown nested more than ${narrativeLimits.treeDepth} levels deep (quotes, lists, emphasis); it is not read further` };
  }
  return { tree, bodyLine: lineOffset + 1 };
}

/** The front-matter as plain data, or why its aliases cannot be expanded (at the alias). */
function frontMatterData(doc: Document.Parsed, start: number): Record<string, unknown> | ParseProblem {
  try {
    return doc.toJS({ maxAliasCount }) as Record<string, unknown>;
  } catch (error) {
    const aliases: Alias[] = [];
    visitYaml(doc, { Alias: (_, node) => void aliases.push(node) });
    const unresolved = aliases.find((alias) => alias.resolve(doc) === undefined);
    if (unresolved) {
      const name = unresolved.source;
      return {
        ruleId: 'frontmatter',
        offset: start + (unresolved.range?.[0] ?? 0),
        reason: `*${name} is a YAML alias, but no anchor &${name} comes before it; to write text that starts with *, quote it ("*${name}")`,
      };
    }
    const first = aliases[0];
    const reason = /alias/i.test((error as Error).message)
      ? `YAML aliases expand to more than ${maxAliasCount} values; write the values out instead`
      : `YAML cannot be read: ${firstLine(error)}`;
    return { ruleId: 'frontmatter', offset: start + (first?.range?.[0] ?? 0), reason };
  }
}

const isProblem = (value: object): value is ParseProblem => 'ruleId' in value && 'reason' in value;

/** A file read as a profile, or the reason it is not one. */
export type ParsedFile = { profile: Profile } | { file: VFile; problem: ParseProblem };

export interface ParseOptions {
  /** false: leave the narrative unparsed (an empty tree), for files read only for their front-matter. */
  narrative?: boolean;
}

/** A source file as read: one that could not be read becomes a `file` problem of its own. */
export function parseSource(source: SourceFile, options: ParseOptions = {}): ParsedFile {
  const problem = (reason: string): ParsedFile => ({ file: new VFile({ path: source.path, value: '' }), problem: { ruleId: 'file', offset: 0, reason } });
  if (source.unreadable !== undefined) return problem(source.unreadable);
  try {
    return parseProfile(source.path, source.bytes, options);
  } catch (error) {
    // A parser failure is a bug, but it stays this file's message: the other files are still reported.
    return problem(`cannot be parsed (${firstLine(error)}); please report this to the toolkit's maintainers`);
  }
}

export function parseProfile(path: string, bytes: Uint8Array, options: ParseOptions = {}): ParsedFile {
  const file = new VFile({ path });
  const fail = (problem: ParseProblem) => ({ file, problem });
  if (bytes.length > maxProfileBytes) {
    return fail({ ruleId: 'file', offset: 0, reason: `file is ${megabytes(bytes.length)}; a profile may be at most ${megabytes(maxProfileBytes)}` });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const lossy = new TextDecoder('utf-8').decode(bytes);
    file.value = lossy;
    return fail({ ruleId: 'file', offset: lossy.indexOf('\uFFFD'), reason: 'file is not valid UTF-8: save it as UTF-8' });
  }
  file.value = text;
  const control = controlCharacter.exec(text);
  if (control) {
    const code = `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    return fail({ ruleId: 'file', offset: control.index, reason: `file holds the control character ${code}: a profile is text; remove it` });
  }
  if (text.trim() === '') return fail({ ruleId: 'frontmatter', offset: 0, reason: 'file is empty: a profile starts with front-matter between --- lines' });
  // Carriage returns alone end lines in files of classic Mac OS: read as one line, the fences would not be found.
  const bareReturn = /\r(?!\n)/.exec(text);
  if (bareReturn) return fail({ ruleId: 'file', offset: bareReturn.index, reason: 'a line ends with a carriage return alone (classic Mac OS line ends); save the file with LF or CRLF line ends' });

  const opening = openingFence.exec(text);
  if (!opening) {
    return fail({ ruleId: 'frontmatter', offset: 0, reason: 'no front-matter: a profile starts with a --- line, its YAML fields, then a closing --- line' });
  }
  const start = opening[0].length;
  closingFence.lastIndex = start;
  const closing = closingFence.exec(text);
  if (!closing) return fail({ ruleId: 'frontmatter', offset: 0, reason: 'front-matter is not closed: add a --- line after its fields' });
  const end = closing.index;
  if (end - start > maxFrontMatterBytes) {
    return fail({ ruleId: 'frontmatter', offset: start, reason: `front-matter is ${kilobytes(end - start)}; it may be at most ${kilobytes(maxFrontMatterBytes)}` });
  }
  const narrative = parseNarrative(text, end + closing[0].length, options.narrative !== false);
  if (isProblem(narrative)) return fail(narrative);
  const { tree, bodyLine } = narrative;
  const doc = parseDocument(text.slice(start, end), { uniqueKeys: true, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const reason = error.code === 'DUPLICATE_KEY' ? 'a key appears twice in the same mapping' : `YAML syntax error: ${firstLine(error)}`;
    return fail({ ruleId: 'frontmatter', offset: start + (unclosedOpening(doc, text.slice(start, end), error) ?? error.pos[0]), reason });
  }
  const tagged = explicitTag(doc, text.slice(start, end));
  if (tagged) return fail({ ruleId: 'frontmatter', offset: start + tagged.offset, reason: `the YAML tag ${tagged.tag} has no place in a profile: write the value alone` });
  if (!isMap(doc.contents)) {
    const found = doc.contents === null ? 'empty' : isScalar(doc.contents) ? 'a single value' : 'a list';
    return fail({ ruleId: 'frontmatter', offset: start, reason: `front-matter is ${found}; it must be a mapping of fields (edition: ..., country: ...)` });
  }
  const data = frontMatterData(doc, start);
  if (isProblem(data)) return fail(data);
  const pointAt = (offset: number): Point => pointAtOffset(file, offset);
  const profile: Profile = {
    file,
    text,
    data,
    doc,
    frontMatter: { start, end },
    tree,
    bodyLine,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
    locate(path, part = 'key') {
      let node: Node | null = doc.contents;
      let offset = start;
      for (const segment of path) {
        const pair: unknown = isMap(node) ? node.items.find((p) => isScalar(p.key) && p.key.value === segment) : undefined;
        if (!isPair(pair)) break;
        const key = pair.key as Node;
        node = pair.value as Node | null;
        offset = start + (part === 'value' && node?.range ? node.range[0] : (key.range?.[0] ?? 0));
      }
      return pointAt(offset);
    },
  };
  return { profile };
}

/**
 * The first explicit YAML tag (`!mytag 5.08`, `!!str 4`) and where it is written. A tag changes what
 * a value is (an unknown one makes 5.08 a string), so the schema's hints would mislead ("write 5.08
 * without quotes"); profiles have no use for tags.
 */
function explicitTag(doc: Document.Parsed, yaml: string): { tag: string; offset: number } | undefined {
  // A tag is written with '!': front-matter without one (nearly all) needs no walk of its nodes.
  if (!yaml.includes('!')) return undefined;
  let found: { tag: string; offset: number } | undefined;
  visitYaml(doc, (_key, node) => {
    if (found || !isNode(node) || !node.tag || !node.range) return;
    const offset = yaml.lastIndexOf('!', node.range[0]);
    const written = offset === -1 ? node.tag : (/^!\S*/.exec(yaml.slice(offset))?.[0] ?? node.tag);
    found = { tag: written, offset: Math.max(offset, 0) };
  });
  return found;
}

/**
 * Where a `[` or `{` that is never closed opens: YAML reports it where it gave up, on a later line,
 * which is not where the author has to look.
 */
function unclosedOpening(doc: Document.Parsed, yaml: string, error: YAMLError): number | undefined {
  let opening: number | undefined;
  visitYaml(doc, (_key, node) => {
    if (!isCollection(node) || !node.flow || !node.range) return;
    const [begin, end, nodeEnd] = node.range;
    const closed = /[\]}]/.test(yaml.slice(begin, end).trimEnd().slice(-1));
    if (!closed && begin < error.pos[0] && error.pos[0] <= nodeEnd + 1) opening = begin;
  });
  return opening;
}

/** Line and column (1-based) of an offset in the file. */
export function pointAtOffset(file: VFile, offset: number): Point {
  const point = location(file).toPoint(Math.max(0, offset));
  return { line: point?.line ?? 1, column: point?.column ?? 1 };
}

function kilobytes(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} KB`;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
