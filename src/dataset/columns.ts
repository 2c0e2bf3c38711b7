/** The dataset's columns that place a country; its score columns are the edition's (edition/score-columns.ts). */
export const placeColumns = ['Continent', 'Region', 'Country'] as const;

/** The column of the ISO 3166-1 alpha-3 code that some copies of the dataset carry after Country (`export --country-code`). */
export const codeColumn = 'Country Code';

/** Spreadsheet column name of a 0-based index: 0 -> A, 26 -> AA. */
export function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
