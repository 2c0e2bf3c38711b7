import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Heading, Root, RootContent } from 'mdast';
import rehypeSanitize, { defaultSchema, type Options as Schema } from 'rehype-sanitize';
import rehypeMinifyWhitespace from 'rehype-minify-whitespace';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { sameHeading, sectionsOf, type Section } from '../profile/sections.js';
import type { ValidProfile } from '../profile/valid.js';
import type { LanguageStyle } from './typography/language.js';
import { typeset } from './typography/typeset.js';

/**
 * The narrative is untrusted: whatever it says, the page must not fetch anything or run anything.
 * Raw HTML never passes (remark-rehype drops it without allowDangerousHtml); the GitHub schema then
 * keeps harmless elements only, minus images (they would be fetched) and URL attributes other than
 * link targets, which keep absolute https: URLs only (a link is never fetched by rendering).
 */
const fetchingElements = new Set(['img', 'picture', 'source']);
const urlAttributes = new Set(['cite', 'longDesc', 'src', 'srcSet']);

const schema: Schema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((name) => !fetchingElements.has(name)),
  attributes: Object.fromEntries(
    Object.entries(defaultSchema.attributes ?? {})
      .filter(([element]) => !fetchingElements.has(element))
      .map(([element, allowed]) => [element, allowed.filter((a) => !urlAttributes.has(Array.isArray(a) ? (a[0] as string) : a))]),
  ),
  protocols: { href: ['https'] },
};

function isHttps(href: unknown): boolean {
  try {
    return new URL(String(href)).protocol === 'https:';
  } catch {
    return false;
  }
}

/** The sanitizer lets relative and protocol-relative hrefs through; only absolute https: URLs stay. */
function httpsLinksOnly() {
  const walk = (nodes: HastContent[]): void => {
    for (const node of nodes.filter((n): n is Element => n.type === 'element')) {
      if (node.properties.href !== undefined && !isHttps(node.properties.href)) delete node.properties.href;
      walk(node.children);
    }
  };
  return (tree: HastRoot) => walk(tree.children);
}

/**
 * Whitespace collapsed as the browser would (one space between words, none between blocks): the
 * page keeps the spaces of the narrative (white-space: pre-wrap in profile.css), so that the space
 * where a line wraps is printed and the PDF's text keeps it; a line feed of the Markdown must not
 * become a forced line break there.
 */
const toHtml = unified().use(remarkRehype).use(rehypeSanitize, schema).use(httpsLinksOnly).use(rehypeMinifyWhitespace).use(rehypeStringify);

/**
 * A top-level section's content as sanitized HTML, its text set in the language's style (null: as
 * written). Its own heading is left out (the page prints it as its title, h2); subsection headings
 * move down one level (## -> h3, ### -> h4).
 */
function sectionHtml(section: Section | undefined, style: LanguageStyle | null): string {
  if (!section) return '';
  const blocks = (s: Section): RootContent[] => [...s.content, ...s.sections.flatMap((sub) => [{ ...sub.heading, depth: Math.min(sub.depth + 1, 6) as Heading['depth'] }, ...blocks(sub)])];
  const root: Root = { type: 'root', children: blocks(section) };
  const tree = toHtml.runSync(root) as HastRoot;
  typeset(tree, style);
  return toHtml.stringify(tree);
}

/** The narrative of each page: the `# Criminality` section for page 1, `# Resilience` for page 2. */
export function narrativeHtml({ profile, edition }: ValidProfile, style: LanguageStyle | null = null): { criminality: string; resilience: string } {
  const { sections } = sectionsOf(profile.tree);
  const find = (label: string) => sections.find((s) => sameHeading(s.title, label));
  return { criminality: sectionHtml(find(edition.criminality.label), style), resilience: sectionHtml(find(edition.resilience.label), style) };
}
