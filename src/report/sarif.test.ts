import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import draft04 from 'ajv-draft-04';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { azerbaijan2021, lineOf, ocindex, replaceOnce, tempFolder } from '../testing/support.js';
import { allChecks } from './checks.js';

/** The SARIF 2.1.0 JSON schema (draft-04), as Microsoft's SARIF matchers ship it. */
const schemaPath = createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
// ajv-draft-04 is CommonJS: its class is the module's `default` export.
const validSarif = new draft04.default({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false }).compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);

/** A project whose Azerbaijan has a wrong composite and a doubled space: one error, one warning. */
function projectWithMistakes(): { folder: string; text: string } {
  const folder = tempFolder();
  let text = replaceOnce(azerbaijan2021, 'score: 4.15', 'score: 4.16');
  text = replaceOnce(text, 'are involved. Azerbaijan hosts', 'are involved.  Azerbaijan hosts');
  writeFileSync(join(folder, 'azerbaijan.md'), text);
  return { folder, text };
}

describe('--format sarif', () => {
  it.each(['validate', 'check'])('%s: one run, every check as a rule, each message a result at its file, line and column; valid SARIF 2.1.0', async (command) => {
    const { folder, text } = projectWithMistakes();
    const result = await ocindex([command, 'azerbaijan.md', '--format', 'sarif'], folder);
    expect(result.code).toBe(1);
    const log = JSON.parse(result.stdout) as Log;
    expect(validSarif(log), JSON.stringify(validSarif.errors)).toBe(true);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const [run] = log.runs;
    const rules = run?.tool.driver.rules ?? [];
    expect(rules.map((r) => r.id)).toEqual(expect.arrayContaining(allChecks.map((c) => c.id)));
    expect(rules.find((r) => r.id === 'rank')?.shortDescription?.text).toMatch(/^Ranks are competition ranks/);
    const composite = run?.results?.find((r) => r.ruleId === 'composite-score');
    expect(composite).toMatchObject({ level: 'error', message: { text: 'criminality.criminal_markets.score is 4.16; the mean of its 10 indicators is 4.15' } });
    expect(composite?.locations?.[0]?.physicalLocation).toMatchObject({ artifactLocation: { uri: 'azerbaijan.md' }, region: { startLine: lineOf(text, 'score: 4.16'), startColumn: 12 } });
    expect(rules[composite?.ruleIndex ?? -1]?.id).toBe('composite-score');
    expect(run?.results?.find((r) => r.ruleId === 'doubled-spaces')).toMatchObject({ level: 'warning' });
  }, 120_000);

  it('escapes bidirectional and invisible characters in messages and file names, as the JSON format does', async () => {
    const folder = tempFolder();
    writeFileSync(join(folder, 'azerbaijan\u202E.md'), replaceOnce(azerbaijan2021, 'score: 4.15', 'score: 4.16'));
    const { stdout } = await ocindex(['validate', 'azerbaijan\u202E.md', '--format', 'sarif'], folder);
    expect(stdout).not.toContain('\u202E');
    expect(stdout).toContain('\\u202E');
    expect(validSarif(JSON.parse(stdout))).toBe(true);
  });

  it('a run without errors is a valid log with no error results', async () => {
    const folder = tempFolder();
    writeFileSync(join(folder, 'azerbaijan.md'), azerbaijan2021);
    const result = await ocindex(['validate', 'azerbaijan.md', '--format', 'sarif'], folder);
    const log = JSON.parse(result.stdout) as Log;
    expect(validSarif(log)).toBe(true);
    expect(result.code).toBe(0);
    expect(log.runs[0]?.results?.filter((r) => r.level === 'error')).toEqual([]);
    // The schema itself tells a broken log apart.
    expect(validSarif({ ...log, version: '2.0.0' })).toBe(false);
  });
});
