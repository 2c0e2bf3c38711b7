/**
 * Runs in a laid-out page: the titles, labels and rank lines whose last line holds one word alone,
 * although that word and the one before it would fit on one line together. A word is alone when it
 * starts a line below the word before it.
 */
export function lonelyLastWords(): string[] {
  const selector = '.country, .edition, .score-label, .ranks li, .group-label, .bar-label, .publisher, .footer p, .narrative-title, .flow h3, .flow h4';
  const range = document.createRange();
  const found: string[] = [];
  const top = (node: Text, match: RegExpMatchArray) => {
    range.setStart(node, match.index ?? 0);
    range.setEnd(node, (match.index ?? 0) + match[0].length);
    return Array.from(range.getClientRects()).filter((r) => r.width > 0)[0]?.top ?? 0;
  };
  /** Whether two words set on one line, in the element's type, fit its width. */
  const fitTogether = (element: Element, words: string) => {
    const probe = element.cloneNode() as HTMLElement;
    probe.textContent = words;
    Object.assign(probe.style, { position: 'absolute', whiteSpace: 'nowrap', width: 'auto', display: 'inline-block', visibility: 'hidden' });
    element.parentElement?.append(probe);
    const fits = probe.getBoundingClientRect().width <= element.clientWidth + 0.5;
    probe.remove();
    return fits;
  };
  for (const element of Array.from(document.querySelectorAll(selector))) {
    const node = element.firstChild;
    if (!(node instanceof Text) || element.childNodes.length !== 1) continue;
    const words = [...node.data.matchAll(/\S+/g)];
    const [previous, last] = [words.at(-2), words.at(-1)];
    if (!previous || !last || top(node, last) <= top(node, previous) + 1) continue;
    if (fitTogether(element, `${previous[0]} ${last[0]}`)) found.push(node.data);
  }
  return found;
}
