/**
 * A profile's HTML split for a warm page: its stylesheets (with the inlined fonts, nearly all of the
 * document's bytes) and the rest. Two profiles printed from the same templates have the same
 * stylesheets, so a page that has them loaded needs only the rest.
 */
export interface SplitDocument {
  /** The text of each <style> element, in document order: what a warm page must already hold. */
  styles: string[];
  /** The document with every <style> element emptied. */
  light: string;
}

// In HTML a <style> element's text runs to the first "</style": no markup inside it is parsed.
const styleElement = /(<style\b[^>]*>)([\s\S]*?)(<\/style\s*>)/gi;

/**
 * The parts of a document, or undefined when it cannot be printed warm: a <style> in the body would
 * be replaced with the body, so such a document is always loaded afresh.
 */
export function splitDocument(html: string): SplitDocument | undefined {
  const styles: string[] = [];
  let bodyAt = -1;
  const light = html.replace(styleElement, (_match, open: string, text: string, close: string, offset: number) => {
    if (bodyAt < 0) bodyAt = html.search(/<body[\s>]/i);
    if (bodyAt >= 0 && offset > bodyAt) styles.push('\0in-body');
    else styles.push(text);
    return `${open}${close}`;
  });
  return styles.includes('\0in-body') ? undefined : { styles, light };
}

/** Whether a page holding `loaded` styles can take a document with `wanted` ones by swapping the rest. */
export function sameStyles(loaded: readonly string[] | undefined, wanted: readonly string[]): boolean {
  return loaded !== undefined && loaded.length === wanted.length && loaded.every((text, index) => text === wanted[index]);
}
