import type { VFile } from 'vfile';
import type { Corpus } from '../corpus.js';
import type { Edition } from '../edition/edition.js';
import { parseSource } from '../profile/parse.js';
import { flatten } from '../report/messages.js';
import type { ValidProfile } from '../validate/rule.js';
import type { Validation } from '../validate/validate.js';
import { inDatasetOrder } from './order.js';

/** What an export writes, in dataset order, and one line per profile it leaves out. */
export interface Selection {
  profiles: ValidProfile[];
  skipped: string[];
}

/** The edition a file's front-matter names, or undefined when it cannot be told. */
function namedEdition(corpus: Corpus, file: VFile): unknown {
  const source = corpus.sources.find((s) => s.path === file.path);
  const parsed = source && parseSource(source);
  return parsed && 'profile' in parsed ? parsed.profile.data.edition : undefined;
}

/** Its first error (validate tells the rest), or a plain reason when the rules that failed it are off. */
function whySkipped(file: VFile): string {
  const [first, ...more] = flatten([file]).filter((m) => m.severity === 'error');
  if (!first) return `${file.path}: does not fit its edition's schema`;
  return `${first.file}:${first.line}:${first.column}  ${first.message}${more.length > 0 ? ` (and ${more.length} more)` : ''}  ${first.ruleId}`;
}

/**
 * The profiles to export: those that fit their edition's schema (of `only`, if given), one per
 * country and edition, as the dataset has it; of two profiles of a country the first by path.
 */
export function selectForExport(corpus: Corpus, validation: Validation, only?: Edition): Selection {
  const validFiles = new Set(validation.valid.map((v) => v.profile.file));
  // With an edition chosen, a broken profile of another edition is none of this export's business.
  const concerns = (file: VFile) => {
    const named = only && namedEdition(corpus, file);
    return named === undefined || named === only?.id;
  };
  const skipped = validation.files.filter((f) => !validFiles.has(f) && concerns(f)).map(whySkipped);
  const profiles: ValidProfile[] = [];
  const first = new Map<string, string>();
  for (const entry of inDatasetOrder(validation.valid.filter((v) => only === undefined || v.edition === only))) {
    const { profile, data, edition } = entry;
    const other = first.get(`${edition.id}/${data.country}`);
    if (other === undefined) {
      first.set(`${edition.id}/${data.country}`, profile.file.path);
      profiles.push(entry);
      continue;
    }
    const at = profile.locate(['country'], 'value');
    skipped.push(`${profile.file.path}:${at.line}:${at.column}  ${data.country} already has a ${edition.id} profile: ${other}  unique-country`);
  }
  return { profiles, skipped };
}
