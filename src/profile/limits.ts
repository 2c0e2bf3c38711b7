import type { Root } from 'mdast';
import type { Node, Parent } from 'unist';

/**
 * Bounds on what the Markdown parser is given. micromark resolves emphasis and link brackets
 * in time quadratic in their number within a paragraph, and spends some 10-20 µs on every
 * container (`>`, list item) and line: 20 KB of `*` took 26-47 s, 1 MB of 16-deep quotes 15 s,
 * 1 MB of one-word lines 40 s. A printed narrative is 10-20 KB: about 100 lines, a few hundred
 * markup characters, two levels of nesting. These limits are far above any real profile and
 * keep the parse of any 1 MB file within a small multiple of the seed profile's (measured by
 * bench/parse-limits.js).
 */
export const narrativeLimits = {
  /** Containers opening one line: `>` and list markers, plus one per 4 columns of indentation. */
  nesting: 8,
  /** `*`, `_`, `[` and `]` in one paragraph (a block between blank lines). */
  delimitersPerBlock: 200,
  /** Lines, markup characters and container levels (each weighing `levelWeight`) in the whole narrative. */
  markup: 5_000,
  /** A container level costs the parser some 4 times a markup character, on every line it continues. */
  levelWeight: 4,
  /** Depth of the parsed tree; walkers of the narrative recurse at most this deep. */
  treeDepth: 64,
} as const;

export interface LimitProblem {
  /** Offset in the scanned text. */
  offset: number;
  reason: string;
}

const delimiters = new Set(['*', '_', '[', ']']);
const markupCharacters = new Set(['*', '_', '[', ']', '(', ')', '`', '!', '&', '<', '\\', '#']);
const listMarker = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/;

/** The containers a line opens (quotes and list markers, indentation) and where its text starts. */
function lineNesting(line: string): { level: number; end: number; deepAt: number } {
  let level = 0;
  let columns = 0;
  let index = 0;
  let deepAt = -1;
  for (;;) {
    if (deepAt === -1 && level + Math.floor(columns / 4) > narrativeLimits.nesting) deepAt = index - 1;
    const char = line[index];
    if (char === ' ' || char === '\t') {
      // Indentation nests lists; the spaces after a marker belong to the marker.
      if (level === 0) columns += char === '\t' ? 4 : 1;
      index += 1;
      continue;
    }
    if (char === '>') {
      level += 1;
      index += 1;
      continue;
    }
    const marker = listMarker.exec(line.slice(index, index + 11));
    if (!marker) break;
    level += 1;
    index += marker[0].length;
  }
  return { level: level + Math.floor(columns / 4), end: index, deepAt };
}

/** The first limit the narrative exceeds, checked in one pass before it is parsed. */
export function checkNarrative(text: string): LimitProblem | undefined {
  let markup = 0;
  let blockDelimiters = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const { level, end, deepAt } = lineNesting(line);
    if (level > narrativeLimits.nesting) {
      return { offset: lineStart + Math.max(0, deepAt), reason: `Markdown nested ${level} levels deep on one line (quotes, lists, indentation); at most ${narrativeLimits.nesting} are read` };
    }
    if (line.trim() === '') blockDelimiters = 0;
    markup += 1 + level * narrativeLimits.levelWeight;
    for (let index = end; index < line.length; index += 1) {
      const char = line[index] as string;
      if (!markupCharacters.has(char)) continue;
      markup += 1;
      if (delimiters.has(char) && ++blockDelimiters > narrativeLimits.delimitersPerBlock) {
        return { offset: lineStart + index, reason: `more than ${narrativeLimits.delimitersPerBlock} of *, _, [ and ] in one paragraph; escape them (\\*) or split the paragraph` };
      }
      if (markup > narrativeLimits.markup) break;
    }
    if (markup > narrativeLimits.markup) {
      return { offset: lineStart, reason: `the narrative holds more than ${narrativeLimits.markup} lines, Markdown markup characters and nesting levels together; a printed profile has a few hundred` };
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return undefined;
}

/**
 * Visits every node of a tree without recursion, parents before children. Returns the first node
 * deeper than `maxDepth`, if any, without visiting below it.
 */
export function walkTree(tree: Root, visit: (node: Node) => void, maxDepth: number = narrativeLimits.treeDepth): Node | undefined {
  const stack: [Node, number][] = [[tree, 0]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [node, depth] = item;
    if (depth > maxDepth) return node;
    visit(node);
    const children = (node as Parent).children;
    if (children) for (let index = children.length - 1; index >= 0; index -= 1) stack.push([children[index] as Node, depth + 1]);
  }
  return undefined;
}
