/** Quoted only where needed ("Congo, Dem. Rep."), as the published datasets are. */
export function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The line (1-based) where the first quoted field that does not end well opens: never closed, or
 * closed by a quote followed by something else than a comma or a line end (the quote that closes
 * it was meant to open a later field). csv-parse names the line where it gave up, far from where
 * the author has to look. Undefined if every quoted field ends well.
 */
export function unbalancedQuoteLine(text: string): number | undefined {
  let line = 1;
  let openedOn: number | undefined;
  let atFieldStart = true;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (openedOn !== undefined) {
      if (character === '"' && text[index + 1] === '"') index += 1;
      else if (character === '"') {
        const next = text[index + 1];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') return openedOn;
        [openedOn, atFieldStart] = [undefined, false];
      } else if (character === '\n') line += 1;
      continue;
    }
    if (character === '"' && atFieldStart) openedOn = line;
    atFieldStart = character === ',' || character === '\n';
    if (character === '\n') line += 1;
  }
  return openedOn;
}
