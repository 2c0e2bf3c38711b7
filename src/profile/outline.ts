import type { OutlineSection } from '../edition/edition.js';

/** The edition's outline as empty Markdown sections ("# Criminality", "## Criminal markets", ...), for the author to fill. */
export function outlineMarkdown(outline: OutlineSection[]): string {
  const headings = (sections: OutlineSection[], depth: number): string[] =>
    sections.flatMap((s) => [`${'#'.repeat(depth)} ${s.heading}`, ...headings(s.sections, depth + 1)]);
  return `\n${headings(outline, 1).join('\n\n')}\n`;
}
