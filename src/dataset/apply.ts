import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isScalar } from 'yaml';
import type { Edition } from '../edition/edition.js';
import { withFields, type FieldChange } from '../profile/edit.js';
import { readSources, type SourceFile } from '../read/collect.js';
import { parseSource, pointAtOffset } from '../profile/parse.js';
import { newProfileText } from '../profile/create.js';
import type { ImportedRow } from './import.js';

export interface PlannedWrite {
  path: string;
  text: string;
  created: boolean;
}

/**
 * The file each dataset row becomes. A new profile is a draft with an empty narrative; an
 * existing one gets only its score fields changed, and only where the value differs.
 */
export async function planWrites(rows: ImportedRow[], edition: Edition, out: string): Promise<{ writes: PlannedWrite[]; unchanged: number; errors: string[] }> {
  const writes: PlannedWrite[] = [];
  const errors: string[] = [];
  let unchanged = 0;
  for (const row of rows) {
    const path = join(out, edition.id, `${row.country.slug}.md`);
    if (!existsSync(path)) {
      writes.push({ path, text: newProfileText(edition, row.country, 'draft', row.fields), created: true });
      continue;
    }
    const parsed = parseSource((await readSources([path]))[0] as SourceFile);
    if ('problem' in parsed) {
      const point = pointAtOffset(parsed.file, parsed.problem.offset);
      errors.push(`${path}:${point.line}:${point.column}: ${parsed.problem.reason}; not updated`);
      continue;
    }
    const { profile } = parsed;
    const changes: FieldChange[] = [...row.fields.values()].filter(({ path: field, text }) => {
      const node = profile.doc.getIn(field, true);
      return !(isScalar(node) && typeof node.value === 'number' && node.value === Number(text));
    });
    if (changes.length === 0) {
      unchanged += 1;
      continue;
    }
    writes.push({ path, text: withFields(profile, changes), created: false });
  }
  return { writes, unchanged, errors };
}
