import { describe, expect, it } from 'vitest';
import type { Edition } from '../edition/edition.js';
import { scoreColumns } from '../edition/score-columns.js';
import { readHeader } from './headers.js';
import { editions } from '../testing/support.js';

const goci2021 = editions.get('goci-2021') as Edition;
const labels = ['Continent', 'Region', 'Country', ...scoreColumns(goci2021).map((c) => c.label)];

describe('readHeader', () => {
  it.each(['Criminality', 'Criminality avg', 'Criminality avg,', 'Criminality avg.', '  CRIMINALITY AVG. ', 'criminality  avg'])('reads %j as Criminality', (cell) => {
    const found = readHeader([cell, ...labels.filter((l) => l !== 'Criminality')], goci2021);
    expect(found.errors).toEqual([]);
    expect(found.columns.get('Criminality')).toBe(0);
  });

  it('takes no suffix on an indicator, and names what it ignores, unlabelled columns too', () => {
    const found = readHeader([...labels.map((l) => (l === 'Human trafficking' ? 'Human trafficking avg' : l)), '', 'Population'], goci2021);
    expect(found.ignored).toEqual(['F (Human trafficking avg)', 'AH (no label)', 'AI (Population)']);
    expect(found.errors).toEqual([{ row: 1, message: "missing column 'Human trafficking'; did you mean Human trafficking avg?" }]);
  });

  it('finds the Country Code column anywhere; a score of another edition stops the import; a column twice too', () => {
    expect(readHeader(['country code', ...labels], goci2021)).toMatchObject({ code: 0, ignored: [], errors: [] });
    const other = readHeader([...labels, 'Financial crimes', 'Resilience avg.'], goci2021, editions.values());
    expect(other.errors).toEqual([
      { row: 1, column: 'AH (Financial crimes)', message: 'a score of goci-2023 or goci-2025, not of goci-2021: is the dataset of goci-2023 or goci-2025?' },
      { row: 1, column: 'AI (Resilience avg.)', message: "'Resilience' again (first in column U (Resilience))" },
    ]);
    expect(readHeader([...labels, 'Financial crimes'], goci2021).ignored).toEqual(['AH (Financial crimes)']);
  });
});
