import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { emptyFolder, projectRoot } from '../testing/support.js';


describe("the README's config example", () => {
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
  const example = /## Configuration[^]*?```json\n([^]*?)```/.exec(readme)?.[1] ?? '';

  it('works when copied: its $schema exists in this project and accepts it, and every command can load it', async () => {
    const settings = JSON.parse(example) as { $schema: string };
    const schemaPath = join(projectRoot, settings.$schema);
    expect(existsSync(schemaPath)).toBe(true);
    // The config schema refers to the house-style schema beside it, as an editor's tooling resolves it.
    const styleSchema = JSON.parse(readFileSync(join(projectRoot, 'schemas', 'style.schema.json'), 'utf8')) as object;
    const check = new Ajv().addSchema(styleSchema).compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
    expect(check(settings), JSON.stringify(check.errors)).toBe(true);
    const folder = emptyFolder();
    writeFileSync(join(folder, 'ocindex.config.json'), example);
    await expect(loadConfig(folder)).resolves.toMatchObject({ source: 'ocindex.config.json', content: join(folder, 'content') });
  });
});
