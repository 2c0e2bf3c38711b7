/** Quoted only where needed ("Congo, Dem. Rep."), as the published datasets are. */
export function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
