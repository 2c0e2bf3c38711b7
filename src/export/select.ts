import type { VFile } from 'vfile';
import type { Edition } from '../edition/edition.js';
import { flatten } from '../report/messages.js';
import type { ValidProfile } from '../profile/valid.js';
import type { Validation } from '../validate/validate.js';
import { inDatasetOrder } from './order.js';
import { translatedSourcePath } from '../profile/translation.js';

/** What an export writes, in dataset order, and one line per profile it leaves out. */
export interface Selection {
  profiles: ValidProfile[];
  skipped: string[];
}

/** The edition each parsed file's front-matter names. */
function namedEditions(validation: Validation): Map<VFile, unknown> {
  return new Map(validation.parsed.flatMap((parsed) => ('profile' in parsed ? [[parsed.profile.file, parsed.profile.data.edition] as const] : [])));
}

/** Its first error (validate tells the rest), or a plain reason when the rules that failed it are off. */
function whySkipped(file: VFile): string {
  const [first, ...more] = flatten([file]).filter((m) => m.severity === 'error');
  if (!first) return `${file.path}: does not fit its edition's schema`;
  return `${first.file}:${first.line}:${first.column}  ${first.message}${more.length > 0 ? ` (and ${more.length} more)` : ''}  ${first.ruleId}`;
}

/** The files that translate another profile: their scores are their sources'. */
function translationFiles(validation: Validation): Set<VFile> {
  return new Set(validation.parsed.flatMap((parsed) => ('profile' in parsed && translatedSourcePath(parsed.profile) !== undefined ? [parsed.profile.file] : [])));
}

/**
 * The profiles to export: those that fit their edition's schema (of `only`, if given), one per
 * country and edition, as the dataset has it; of two profiles of a country the first by path.
 * Translations are not read: the scores are their sources' (export and diff read those).
 */
export function selectForExport(validation: Validation, only?: Edition): Selection {
  const translations = translationFiles(validation);
  const validFiles = new Set([...validation.valid.map((v) => v.profile.file), ...translations]);
  // With an edition chosen, a broken profile of another edition is none of this export's business.
  const editionOf = namedEditions(validation);
  const concerns = (file: VFile) => {
    const named = only && editionOf.get(file);
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
