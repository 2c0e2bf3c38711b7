import type { VFile } from 'vfile';
import type { Edition } from '../edition/edition.js';
import type { SourceFile } from '../io/collect.js';
import type { ProfileData } from '../profile/data.js';
import { parseProfile, pointAtOffset, type ParsedFile, type Profile } from '../profile/parse.js';
import { computeComposites } from '../scoring/composites.js';
import { groupBy } from '../scoring/ranks.js';
import { isPoint, type Issue, type ProseSettings, type Rule, type Severity, type ValidProfile } from './rule.js';
import { rules as allRules } from './rules/index.js';
import { attachPrevious } from '../diff/previous.js';

/** Per rule id: 'off', or the severity its messages get instead of their own. */
export type RuleSettings = Record<string, 'off' | Severity>;

export interface Validation {
  files: VFile[];
  /** Profiles that fit their edition's schema, with their recomputed composites. */
  valid: ValidProfile[];
}

function report(file: VFile, ruleId: string, issue: Issue, point: { line: number; column: number }, settings: RuleSettings): void {
  const setting = settings[ruleId];
  if (setting === 'off') return;
  const message = file.message(issue.reason, { place: point, ruleId, source: 'ocindex' });
  message.fatal = (setting ?? issue.severity ?? 'error') === 'error';
}

function reportIssue(profile: Profile, ruleId: string, issue: Issue, settings: RuleSettings): void {
  report(profile.file, ruleId, issue, isPoint(issue.at) ? issue.at : profile.locate(issue.at, issue.part), settings);
}

/** Runs every check on a set of profile files; the corpus rules compare the profiles of each edition. */
export function validateSources(sources: SourceFile[], editions: Map<string, Edition>, settings: RuleSettings = {}, rules: Rule[] = allRules, prose?: ProseSettings): Validation {
  return validateParsed(
    sources.map((source) => parseProfile(source.path, source.bytes)),
    editions,
    settings,
    rules,
    prose,
  );
}

/**
 * validateSources for files parsed already, so that a long-running caller (the preview) parses only
 * what changed. The files' earlier messages are replaced.
 */
export function validateParsed(parsedFiles: ParsedFile[], editions: Map<string, Edition>, settings: RuleSettings = {}, rules: Rule[] = allRules, prose?: ProseSettings): Validation {
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
      const issues = rule.check(profile, editions);
      for (const issue of issues) reportIssue(profile, rule.id, issue, settings);
      if (issues.length > 0) fits = false;
    }
    if (!fits) continue;
    const data = profile.data as unknown as ProfileData;
    const edition = editions.get(data.edition) as Edition;
    const entry: ValidProfile = { profile, data, edition, composites: computeComposites(edition, profile.data), prose };
    valid.push(entry);
    for (const rule of rules) {
      if (rule.stage === 'valid') for (const issue of rule.check(entry)) reportIssue(profile, rule.id, issue, settings);
    }
  }
  const byEdition = groupBy(valid, (entry) => entry.edition);
  for (const [edition, entries] of byEdition) {
    for (const rule of rules) {
      if (rule.stage === 'corpus') for (const { profile, issue } of rule.check(edition, entries)) reportIssue(profile, rule.id, issue, settings);
    }
  }
  for (const rule of rules) {
    if (rule.stage === 'editions') for (const { profile, issue } of rule.check(byEdition)) reportIssue(profile, rule.id, issue, settings);
  }
  attachPrevious(valid);
  for (const file of files) file.messages.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { files, valid };
}
