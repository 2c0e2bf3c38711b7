import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from './index.js';
import { datasetCsv, loadConfig, loadCorpus, loadEditions, profilesJson, summarize, validate, type Corpus } from './index.js';
import { bundledContent, datasetPath, tempFolder } from './testing/support.js';

describe('the library API', () => {
  it('offers the corpus, validation, settings, editions, export and shards', () => {
    for (const name of ['loadCorpus', 'validate', 'loadConfig', 'loadEditions', 'summarize', 'profileSchemaFor', 'datasetCsv', 'datasetWorkbook', 'profilesJson', 'shardOf', 'parseShard', 'renderHtml', 'checkCopyFit', 'changedProfiles']) {
      expect(typeof (api as Record<string, unknown>)[name]).toBe('function');
    }
  });

  it('loads and validates a corpus in-process, and gives the dataset back', async () => {
    const corpus: Corpus = await loadCorpus([join(bundledContent, 'goci-2021')]);
    const validation = validate(corpus);
    expect(summarize(validation.files)).toMatchObject({ profiles: 194, errors: 0, warnings: 0 }); // and the French Azerbaijan, in goci-2021/fr
    const edition = corpus.editions.get('goci-2021');
    expect(edition?.countries).toHaveLength(193);
    expect(datasetCsv(edition as NonNullable<typeof edition>, validation.valid)).toBe(await readFile(datasetPath('goci-2021'), 'utf8'));
    expect(JSON.parse(profilesJson(validation.valid.filter((v) => v.data.country === 'Azerbaijan')))[0].scores.criminality).toBe(5.08);
  });

  it('applies rule settings, from a settings file or given directly', async () => {
    const folder = await tempFolder();
    await mkdir(join(folder, 'goci-2023'));
    await copyFile(join(bundledContent, 'goci-2023/chad.md'), join(folder, 'goci-2023/chad.md'));
    const corpus = await loadCorpus([join(folder, 'goci-2023/chad.md')]);
    const reported = (validation: ReturnType<typeof validate>) => summarize(validation.files, validation.editionFiles);
    expect(reported(validate(corpus)).warnings).toBe(1); // ranks of a partial corpus, on the edition
    await writeFile(join(folder, 'ocindex.config.json'), '{ "rules": { "rank": "error" } }');
    const config = await loadConfig(folder);
    expect(reported(validate(corpus, config.rules))).toMatchObject({ errors: 1, warnings: 0 });
    expect(reported(validate(corpus, { rank: 'off' }))).toMatchObject({ errors: 0, warnings: 0 });
    expect([...loadEditions(config.editions).keys()]).toEqual(['goci-2021', 'goci-2023', 'goci-2025']);
  });
});
