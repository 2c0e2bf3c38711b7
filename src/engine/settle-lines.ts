/**
 * Runs inside the page, once its layout and fonts are final. An element whose CSS sets
 * `--last-line-words: 2` (titles, labels, rank lines; balanced by `text-wrap: balance`) must not
 * end with one word alone on its last line. Balance still does it where the shorter first line is
 * the even one ("ANTIGUA AND / BARBUDA"): then the last two words are tied with a no-break space,
 * if they fit one line together. Returns how many were tied.
 */
export function tieLonelyWords(): number {
  const range = document.createRange();
  const top = (node: Text, start: number, end: number) => {
    range.setStart(node, start);
    range.setEnd(node, end);
    return Array.from(range.getClientRects()).find((r) => r.width > 0)?.top ?? 0;
  };
  let tied = 0;
  for (const element of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
    const node = element.firstChild;
    if (!(node instanceof Text) || element.childNodes.length !== 1) continue;
    if (getComputedStyle(element).getPropertyValue('--last-line-words').trim() !== '2') continue;
    const words = [...node.data.matchAll(/\S+/g)];
    const [previous, last] = [words.at(-2), words.at(-1)];
    if (!previous?.index || !last?.index) continue;
    if (top(node, last.index, last.index + last[0].length) <= top(node, previous.index, previous.index + previous[0].length) + 1) continue;
    const before = node.data;
    node.data = `${before.slice(0, previous.index + previous[0].length)}\u00A0${before.slice(last.index)}`;
    // Tied, the two words must fit one line; if they do not (the tie overflows or breaks inside a
    // word), the lone word was the only way.
    const end = previous.index + previous[0].length + 1 + last[0].length;
    const oneLine = top(node, previous.index, previous.index + 1) === top(node, end - 1, end) && element.scrollWidth <= element.clientWidth + 0.5;
    if (oneLine) tied++;
    else node.data = before;
  }
  return tied;
}
