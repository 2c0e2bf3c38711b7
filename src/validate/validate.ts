import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { VFile } from 'vfile';
import type { Edition } from '../edition/edition.js';
import type { SourceFile } from '../read/collect.js';
import type { ProfileData } from '../profile/data.js';
import { parseProfile, parseSource, pointAtOffset, type ParsedFile, type Profile } from '../profile/parse.js';
import { mergedData, translatedSourcePath } from '../profile/translation.js';
import { namedCountries } from './named.js';
import { computeComposites } from '../scoring/composites.js';
import { groupBy } from '../scoring/ranks.js';
import type { ValidProfile } from '../profile/valid.js';
import { isPoint, type Issue, type ProseSettings, type Rule, type Severity } from './rule.js';
import { attachPrevious } from '../diff/previous.js';
import { rules as allRules } from './rules/index.js';
import { firstLine } from '../errors.js';

/** Per rule id: 'off', or the severity its messages get instead of their own. */
export type RuleSettings = Record<string, 'off' | Severity>;

export interface Validation {
  files: VFile[];
  /** Profiles that fit their edition's schema, with their recomputed composites. */
  valid: ValidProfile[];
  /**
   * Messages about an edition as a whole ("the corpus holds 4 of the 193 countries"), one file per
   * edition named after the folder of its profiles (content/goci-2021), at line 1.
   */
  editionFiles: VFile[];
  /** The valid profiles of the context files: --fix ranks over them too. */
  context: ValidProfile[];
  /**
   * The context profiles that a corpus rule which reaches other profiles finds wrong (a rank that
   * the files asked for moved): one file each, holding those messages only, at that profile's line, so
   * that checking some files fails exactly when checking the whole content would.
   */
  affected: VFile[];
  /**
   * Each file as parsed, in the order of `files`: a Profile (its source text and YAML document) or
   * the problem that stopped parsing. Kept so that --fix and export need not look files up or parse
   * them again.
   */
  parsed: ParsedFile[];
}

function report(file: VFile, ruleId: string, issue: Issue, point: { line: number; column: number }, settings: RuleSettings): void {
  const setting = settings[ruleId];
  if (setting === 'off') return;
  const message = file.message(issue.reason, { place: point, ruleId, source: 'ocindex' });
  message.fatal = (setting ?? issue.severity ?? 'error') === 'error';
}

function reportIssue(profile: Profile, ruleId: string, issue: Issue, settings: RuleSettings, file: VFile = profile.file): void {
  report(file, ruleId, issue, isPoint(issue.at) ? issue.at : profile.locate(issue.at, issue.part), settings);
}

/** The command that repairs every rank and composite of an edition folder; named in messages on profiles the files asked for made wrong. */
export function repairCommand(folder: string): string {
  return `ocindex validate --fix ${folder}`;
}

/** A rule that fails on one file reports that on the file, and the other files and rules go on. */
function checkSafely(rule: Rule, check: () => Issue[]): Issue[] {
  try {
    return check();
  } catch (error) {
    return [{ at: { line: 1, column: 1 }, reason: `rule ${rule.id} could not check this file (${firstLine(error)}); please report this` }];
  }
}

/** What a validation takes besides the files asked for. */
export interface ValidationScope<File> {
  /** The rest of those files' editions: they take part in the corpus rules but are not reported on. */
  context?: File[];
  /** The project's settings for the prose rules (word list, severity at final, house style). */
  prose?: ProseSettings;
}

/**
 * Runs every check on a set of profile files; the corpus rules compare the profiles of each edition.
 * Context files' narratives are not parsed.
 */
export function validateSources(sources: SourceFile[], editions: Map<string, Edition>, settings: RuleSettings = {}, rules: Rule[] = allRules, scope: ValidationScope<SourceFile> = {}): Validation {
  return validateParsed(
    sources.map((source) => parseSource(source)),
    editions,
    settings,
    rules,
    { context: (scope.context ?? []).map((source) => parseSource(source, { narrative: false })), ...(scope.prose ? { prose: scope.prose } : {}) },
  );
}

/**
 * validateSources for files parsed already, so that a long-running caller (the preview) parses only
 * what changed. The files' earlier messages are replaced.
 */
export function validateParsed(parsedFiles: ParsedFile[], editions: Map<string, Edition>, settings: RuleSettings = {}, rules: Rule[] = allRules, scope: ValidationScope<ParsedFile> = {}): Validation {
  // A translation in the context has no source read for it: it takes no part (translations never rank).
  const context = (scope.context ?? []).filter((parsed) => !isTranslation(parsed));
  const originals = checkFiles(parsedFiles.filter((parsed) => !isTranslation(parsed)), editions, settings, rules, scope.prose);
  // Context first: a requested file that duplicates another file's country is the one reported.
  const background = checkFiles(context, editions, settings, rules.filter((rule) => rule.stage !== 'valid'), scope.prose);
  const translations = checkTranslations(parsedFiles.filter(isTranslation), [...originals.valid, ...background.valid], editions, settings, rules, scope.prose);
  const reported = new Set(originals.files);
  const editionFiles = new Map<Edition, VFile>();
  const affected = new Map<Profile, VFile>();
  const affectedFile = (profile: Profile) => {
    if (!affected.has(profile)) affected.set(profile, new VFile({ path: profile.file.path }));
    return affected.get(profile) as VFile;
  };
  const all = [...parsedFiles, ...context];
  for (const [edition, entries] of groupBy([...background.valid, ...originals.valid], (entry) => entry.edition)) {
    const named = namedCountries(edition, all);
    for (const rule of rules) {
      if (rule.stage !== 'corpus') continue;
      for (const { profile, issue } of rule.check(edition, entries, { named })) {
        if (profile === undefined) {
          const folder = dirname((entries.find((e) => reported.has(e.profile.file)) ?? (entries[0] as ValidProfile)).profile.file.path);
          if (!editionFiles.has(edition)) editionFiles.set(edition, new VFile({ path: folder }));
          report(editionFiles.get(edition) as VFile, rule.id, issue, { line: 1, column: 1 }, settings);
        } else if (reported.has(profile.file)) reportIssue(profile, rule.id, issue, settings);
        else if (rule.reachesOthers) {
          const repair = `another profile of ${edition.id} changed; \`${repairCommand(dirname(profile.file.path))}\` repairs the edition`;
          reportIssue(profile, rule.id, { ...issue, reason: `${issue.reason} (${repair})` }, settings, affectedFile(profile));
        }
      }
    }
  }
  // Rules across editions (a country's profile beside its previous edition's), on the files asked for.
  const byEdition = groupBy([...background.valid, ...originals.valid], (entry) => entry.edition);
  for (const rule of rules) {
    if (rule.stage !== 'editions') continue;
    for (const { profile, issue } of rule.check(byEdition)) if (reported.has(profile.file)) reportIssue(profile, rule.id, issue, settings);
  }
  attachPrevious([...background.valid, ...originals.valid]);
  for (const entry of translations.valid) if (entry.translation?.source.previous) entry.previous = entry.translation.source.previous;
  // Files and profiles in the order they were asked for, translations among them.
  const order = new Map(parsedFiles.map((parsed, index) => ['problem' in parsed ? parsed.file : parsed.profile.file, index]));
  const byOrder = (a: VFile, b: VFile) => (order.get(a) ?? 0) - (order.get(b) ?? 0);
  const files = [...originals.files, ...translations.files].sort(byOrder);
  const valid = [...originals.valid, ...translations.valid].sort((a, b) => byOrder(a.profile.file, b.profile.file));
  for (const file of files) file.messages.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  const affectedFiles = [...affected.values()].filter((file) => file.messages.length > 0).sort((a, b) => a.path.localeCompare(b.path));
  for (const file of affectedFiles) file.messages.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { files, valid, parsed: parsedFiles, editionFiles: [...editionFiles.values()].filter((file) => file.messages.length > 0), context: background.valid, affected: affectedFiles };
}

/** A file whose front-matter names the profile it translates. */
function isTranslation(parsed: ParsedFile): parsed is { profile: Profile } {
  return 'profile' in parsed && translatedSourcePath(parsed.profile) !== undefined;
}

/** A profile read for its front-matter only, read again with its narrative (a translation's source, for its sections). */
function withNarrative(entry: ValidProfile): ValidProfile {
  const { profile } = entry;
  if (profile.tree.children.length > 0 || profile.text.slice(profile.frontMatter.end).split('\n').slice(1).join('\n').trim() === '') return entry;
  const parsed = parseProfile(profile.file.path, new TextEncoder().encode(profile.text));
  return 'profile' in parsed ? { ...entry, profile: { ...parsed.profile, file: profile.file } } : entry;
}

/**
 * Translations, each over its source's front-matter (which must be valid and read: a requested
 * file or the context), then through the per-file rules like any profile.
 */
function checkTranslations(translations: { profile: Profile }[], sources: ValidProfile[], editions: Map<string, Edition>, settings: RuleSettings, rules: Rule[], prose?: ProseSettings): { files: VFile[]; valid: ValidProfile[] } {
  const byPath = new Map(sources.map((entry) => [resolve(entry.profile.file.path), entry]));
  const files: VFile[] = [];
  const valid: ValidProfile[] = [];
  for (const { profile } of translations) {
    const path = translatedSourcePath(profile) as string;
    const found = byPath.get(resolve(path));
    if (!found) {
      profile.file.messages = [];
      const why = existsSync(path) ? 'which is not a valid profile: fix it first' : 'which does not exist';
      report(profile.file, 'translation', { at: [], reason: `translates ${String(profile.data.translates)} (${path}), ${why}` }, profile.locate(['translates'], 'value'), settings);
      files.push(profile.file);
      continue;
    }
    const source = withNarrative(found);
    const merged: Profile = { ...profile, data: mergedData(profile.data, source.data as unknown as Record<string, unknown>) };
    const checked = checkFiles([{ profile: merged }], editions, settings, rules, prose, () => ({ translation: { source, own: profile.data } }));
    files.push(...checked.files);
    valid.push(...checked.valid);
  }
  return { files, valid };
}

/** The per-file rules, on each file. */
function checkFiles(parsedFiles: ParsedFile[], editions: Map<string, Edition>, settings: RuleSettings, rules: Rule[], prose?: ProseSettings, extend?: () => Partial<ValidProfile>): { files: VFile[]; valid: ValidProfile[] } {
  const files: VFile[] = [];
  const valid: ValidProfile[] = [];
  for (const parsed of parsedFiles) {
    ('problem' in parsed ? parsed.file : parsed.profile.file).messages = [];
    if ('problem' in parsed) {
      const { file, problem } = parsed;
      report(file, problem.ruleId, { at: [], reason: problem.reason }, pointAtOffset(file, problem.offset), settings);
      files.push(file);
      continue;
    }
    const { profile } = parsed;
    files.push(profile.file);
    let fits = true;
    for (const rule of rules) {
      if (rule.stage !== 'parsed' || !fits) continue;
      const issues = checkSafely(rule, () => rule.check(profile, editions));
      for (const issue of issues) reportIssue(profile, rule.id, issue, settings);
      if (issues.length > 0) fits = false;
    }
    if (!fits) continue;
    const data = profile.data as unknown as ProfileData;
    const edition = editions.get(data.edition) as Edition;
    const entry: ValidProfile = { profile, data, edition, composites: computeComposites(edition, profile.data), ...(prose ? { prose } : {}), ...extend?.() };
    valid.push(entry);
    for (const rule of rules) {
      if (rule.stage === 'valid') for (const issue of checkSafely(rule, () => rule.check(entry))) reportIssue(profile, rule.id, issue, settings);
    }
  }
  return { files, valid };
}
