import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { loadCorpus, validate } from '../validate/corpus.js';
import { scoreColumns } from '../edition/score-columns.js';
import { fieldAt, type ProfileData } from '../profile/data.js';
import { formatHundredths } from '../scoring/exact.js';
import { bundledFiles, bundledProfiles, bundledTranslations, datasetPath, editions } from '../testing/support.js';

const corpus = await loadCorpus(['content']);
const validation = validate(corpus);

function dataset(edition: string): Record<string, string>[] {
  return parse(readFileSync(datasetPath(edition)), { columns: true }) as Record<string, string>[];
}

describe('the bundled corpus against the official datasets', () => {
  it('validates: every country of every edition and the translations, no errors, no warnings', () => {
    expect(bundledProfiles).toBe(3 * 193);
    expect(bundledTranslations).toEqual(['content/goci-2021/fr/azerbaijan.md']);
    expect(validation.files).toHaveLength(bundledFiles);
    expect(validation.files.flatMap((f) => f.messages)).toEqual([]);
    expect(validation.valid).toHaveLength(bundledFiles);
    expect(validation.valid.filter((v) => v.translation).map((v) => v.profile.file.path)).toEqual(bundledTranslations);
  });

  it.each([...editions.keys()])('recomputes every composite of %s from its indicators exactly as published', (id) => {
    const edition = editions.get(id)!;
    const rows = dataset(id);
    const entries = validation.valid.filter((v) => v.edition.id === id && !v.translation);
    expect(entries).toHaveLength(rows.length);
    for (const row of rows) {
      const entry = entries.find((e) => e.data.country === row.Country)!;
      const recomputed: Record<string, string> = {
        [edition.criminality.label]: formatHundredths(entry.composites.criminality),
        [edition.resilience.label]: formatHundredths(entry.composites.resilience),
      };
      for (const group of edition.criminality.groups) recomputed[group.label] = formatHundredths(entry.composites.groups.get(group.key)!.hundredths);
      for (const [label, value] of Object.entries(recomputed)) expect(`${row.Country} ${label} ${value}`).toBe(`${row.Country} ${label} ${row[label]}`);
    }
  });

  it('holds every value of the datasets in front-matter', () => {
    for (const id of editions.keys()) {
      const columns = scoreColumns(editions.get(id)!);
      for (const row of dataset(id)) {
        const entry = validation.valid.find((v) => v.edition.id === id && v.data.country === row.Country)!;
        for (const column of columns) {
          const value = fieldAt(entry.data, column.path);
          expect(value).toBe(Number(row[column.label]));
        }
      }
    }
  });

  it("gives Azerbaijan the published ranks in both editions", () => {
    const ranks = (id: string) => {
      const data = validation.valid.find((v) => v.edition.id === id && v.data.country === 'Azerbaijan')!.data as ProfileData;
      return [data.criminality.rank, data.resilience.rank];
    };
    expect(ranks('goci-2021')).toEqual([{ global: 83, continent: 26, region: 3 }, { global: 128, continent: 27, region: 5 }]);
    expect(ranks('goci-2023')).toEqual([{ global: 112, continent: 33, region: 4 }, { global: 134, continent: 28, region: 4 }]);
  });
});
