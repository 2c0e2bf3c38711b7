import type { Paragraph, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Issue, ProfileRule } from '../rule.js';
import { startOf } from '../prose/context.js';
import { pointAtOffset } from '../../profile/parse.js';
import { severityAtFinal } from '../characters.js';

// The delimiter row of a GitHub table (|---|:--:|): the print's Markdown has no tables, so the rows print as written.
const tableDelimiter = /^ {0,3}\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$/m;
const footnoteReference = /\[\^[^\]\s]+\]/g;

/** Markdown the print does not render: it would print as raw Markdown, or vanish without a word. */
export function unrenderedMarkdown(entry: Parameters<ProfileRule['check']>[0]): Omit<Issue, 'severity'>[] {
  const { profile } = entry;
  const found: Omit<Issue, 'severity'>[] = [];
  visit(profile.tree, (node) => {
    if (node.type === 'html') found.push({ at: startOf(node), reason: 'raw HTML is left out of the print; write the text as Markdown' });
    else if (node.type === 'image' || node.type === 'imageReference') found.push({ at: startOf(node), reason: 'an image is left out of the print (the pages have no room for one); describe it in words' });
    else if (node.type === 'definition' && node.label?.startsWith('^')) found.push({ at: startOf(node), reason: 'a footnote is left out of the print (its Markdown has no footnotes); put the note in the text' });
    else if (node.type === 'paragraph' && isTable(node, profile.text)) found.push({ at: startOf(node), reason: 'a table prints as raw Markdown (the print has no tables); write it as text or a list' });
    else if (node.type === 'text') {
      for (const match of (node as Text).value.matchAll(footnoteReference)) {
        const source = profile.text.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
        const at = source.indexOf(match[0]);
        found.push({ at: at === -1 ? startOf(node) : pointAtOffset(profile.file, (node.position?.start.offset ?? 0) + at), reason: `the footnote mark ${match[0]} prints as written (the print has no footnotes); put the note in the text` });
      }
    }
  });
  return found;
}

function isTable(paragraph: Paragraph, text: string): boolean {
  const [start, end] = [paragraph.position?.start.offset, paragraph.position?.end.offset];
  return start !== undefined && end !== undefined && text.slice(start, end).includes('|') && tableDelimiter.test(text.slice(start, end));
}

export const unrenderedMarkdownRule: ProfileRule = {
  id: 'unrendered-markdown',
  description: 'The narrative uses no Markdown the print does not render: tables, footnotes, images, raw HTML (warnings; errors at final).',
  stage: 'valid',
  check(entry) {
    const severity = severityAtFinal(entry.profile);
    return unrenderedMarkdown(entry).map((issue) => ({ ...issue, severity }));
  },
};
