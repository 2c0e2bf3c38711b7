import { Ajv } from 'ajv';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProfile } from '../profile/parse.js';
import { bundledContent, editionIds, ocindex } from '../testing/support.js';

describe('ocindex schema', () => {
  it("prints the edition's full JSON schema, which other tools can check a profile with", async () => {
    const result = await ocindex(['schema', '--edition', 'goci-2023']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const schema = JSON.parse(result.stdout) as { properties: { edition: unknown; criminality: { required: string[] } } };
    expect(schema.properties.edition).toEqual({ const: 'goci-2023' });
    expect(schema.properties.criminality.required).toEqual(['score', 'rank', 'criminal_markets', 'criminal_actors']);
    const check = new Ajv({ multipleOfPrecision: 9 }).compile(schema);
    const path = join(bundledContent, 'goci-2023/azerbaijan.md');
    const parsed = parseProfile(path, await readFile(path));
    expect('profile' in parsed && check(parsed.profile.data)).toBe(true);
    expect(check({ edition: 'goci-2021' })).toBe(false);
  });

  it('needs a known edition', async () => {
    expect(await ocindex(['schema', '--edition', 'nope'])).toMatchObject({ code: 2, stderr: `ocindex: unknown edition 'nope'; expected one of ${editionIds}\n` });
    expect((await ocindex(['schema'])).code).toBe(2);
  });
});
