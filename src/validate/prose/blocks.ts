import type { Paragraph, Root, RootContent, Text } from 'mdast';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';

/**
 * Source characters of Markdown that mdast-util-to-nlcst turns into one tree at a time. It gathers
 * a node's words with push(...words), one argument a word: a paragraph of 600 KB (within the
 * parser's limits) overflowed the stack. Well below that, a narrative is one batch, as ever.
 */
export const maxBatchChars = 50_000;

const lengthOf = (node: RootContent) => (node.position?.end.offset ?? 0) - (node.position?.start.offset ?? 0);

/**
 * The narrative's blocks in batches of at most maxBatchChars of source, each a root of its own: a
 * larger list or quote gives its blocks, a larger paragraph is cut into paragraphs of that size
 * at white space, after a sentence's end where there is one.
 */
export function batches(tree: Root, file: VFile): Root[] {
  if ((tree.position?.end.offset ?? 0) - (tree.position?.start.offset ?? 0) <= maxBatchChars) return [tree];
  const blocks: RootContent[] = [];
  const flatten = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (lengthOf(node) <= maxBatchChars) blocks.push(node);
      else if (node.type === 'paragraph') blocks.push(...cutParagraph(node, file));
      else if ('children' in node) flatten(node.children as RootContent[]);
      else blocks.push(node);
    }
  };
  flatten(tree.children);
  const roots: Root[] = [];
  let current: RootContent[] = [];
  let size = 0;
  for (const block of blocks) {
    if (current.length > 0 && size + lengthOf(block) > maxBatchChars) {
      roots.push(rootOf(current));
      [current, size] = [[], 0];
    }
    current.push(block);
    size += lengthOf(block);
  }
  if (current.length > 0) roots.push(rootOf(current));
  return roots;
}

function rootOf(children: RootContent[]): Root {
  const [first, last] = [children[0], children.at(-1)];
  return { type: 'root', children, ...(first?.position && last?.position ? { position: { start: first.position.start, end: last.position.end } } : {}) };
}

/** A paragraph as paragraphs of at most maxBatchChars, its inline nodes kept whole but for long text. */
function cutParagraph(paragraph: Paragraph, file: VFile): Paragraph[] {
  const pieces = paragraph.children.flatMap((child) => (child.type === 'text' && child.value.length > maxBatchChars ? cutText(child, file) : [child]));
  const paragraphs: Paragraph[] = [];
  let current: Paragraph['children'] = [];
  let size = 0;
  const close = () => {
    const [first, last] = [current[0], current.at(-1)];
    if (first?.position && last?.position) paragraphs.push({ type: 'paragraph', children: current, position: { start: first.position.start, end: last.position.end } });
    [current, size] = [[], 0];
  };
  for (const piece of pieces) {
    const length = (piece.position?.end.offset ?? 0) - (piece.position?.start.offset ?? 0);
    if (current.length > 0 && size + length > maxBatchChars) close();
    current.push(piece);
    size += length;
  }
  if (current.length > 0) close();
  return paragraphs;
}

/** A text node as text nodes of at most maxBatchChars, cut at white space; positions as the bridge counts them (offsets along the value). */
function cutText(text: Text, file: VFile): Text[] {
  const start = text.position?.start.offset;
  if (start === undefined) return [text];
  const place = location(file);
  const pieces: Text[] = [];
  for (let from = 0; from < text.value.length; ) {
    let to = Math.min(from + maxBatchChars, text.value.length);
    if (to < text.value.length) {
      const window = text.value.slice(from, to);
      const sentenceEnd = Math.max(window.lastIndexOf('. '), window.lastIndexOf('? '), window.lastIndexOf('! '));
      const space = sentenceEnd > 0 ? sentenceEnd + 1 : window.lastIndexOf(' ');
      if (space > 0) to = from + space;
    }
    const [begin, end] = [place.toPoint(start + from), place.toPoint(start + to)];
    if (!begin || !end) return [text];
    pieces.push({ type: 'text', value: text.value.slice(from, to), position: { start: { ...begin }, end: { ...end } } });
    from = to;
  }
  return pieces;
}
