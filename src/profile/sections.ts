import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';

/** A heading of the narrative with what stands under it, down to the next heading of its level or above. */
export interface Section {
  title: string;
  depth: number;
  heading: Heading;
  /** Blocks under the heading before its first subsection (paragraphs, lists, ...). */
  content: Root['children'];
  sections: Section[];
}

/** The narrative's sections as a tree of headings; blocks before the first heading are `preamble`. */
export function sectionsOf(tree: Root): { preamble: Root['children']; sections: Section[] } {
  const root: Section = { title: '', depth: 0, heading: undefined as unknown as Heading, content: [], sections: [] };
  const stack: Section[] = [root];
  for (const node of tree.children) {
    if (node.type === 'yaml') continue;
    if (node.type === 'heading') {
      while ((stack.at(-1) as Section).depth >= node.depth) stack.pop();
      const section: Section = { title: toString(node).trim(), depth: node.depth, heading: node, content: [], sections: [] };
      (stack.at(-1) as Section).sections.push(section);
      stack.push(section);
    } else {
      (stack.at(-1) as Section).content.push(node);
    }
  }
  return { preamble: root.content, sections: root.sections };
}

export function sameHeading(a: string, b: string): boolean {
  return a.localeCompare(b, 'en', { sensitivity: 'accent' }) === 0;
}
