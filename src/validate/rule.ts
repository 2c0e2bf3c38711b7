import type { Edition } from '../edition/edition.js';
import type { Point, Profile } from '../profile/parse.js';
import type { ValidProfile } from '../profile/valid.js';
export type { ProseSettings } from './prose/settings.js';

export type Severity = 'error' | 'warning';

/** What a rule found: a plain reason and where, as a front-matter path or a point in the file. */
export interface Issue {
  reason: string;
  at: readonly (string | number)[] | Point;
  /** For a front-matter path: point at the key (default) or at its value. */
  part?: 'key' | 'value';
  severity?: Severity;
}

/** A rule that looks at one profile whose front-matter parsed but may not fit the schema. */
export interface RawProfileRule {
  id: string;
  description: string;
  stage: 'parsed';
  check(profile: Profile, editions: Map<string, Edition>): Issue[];
}

/** A rule that looks at one profile that fits its edition's schema. */
export interface ProfileRule {
  id: string;
  description: string;
  stage: 'valid';
  check(context: ValidProfile): Issue[];
}

/** What a corpus rule knows of an edition beyond its valid profiles. */
export interface CorpusContext {
  /** Names of the countries that have a profile file in the edition, valid or not. */
  named: Set<string>;
}

/**
 * A rule that compares the valid profiles of one edition with each other. An issue without a
 * profile is about the edition as a whole.
 */
export interface CorpusRule {
  id: string;
  description: string;
  stage: 'corpus';
  /**
   * Whether a change to one profile can make this rule fail on another (a score moves the others'
   * ranks): validating some files then reports its findings on the rest of their edition too.
   * A rule that reports the profile asked for instead (a duplicate country) leaves it unset.
   */
  reachesOthers?: boolean;
  check(edition: Edition, profiles: ValidProfile[], context?: CorpusContext): { profile?: Profile; issue: Issue }[];
}

/** A rule that compares the valid profiles of different editions (a country's profile with its previous one). */
export interface EditionsRule {
  id: string;
  description: string;
  stage: 'editions';
  check(byEdition: Map<Edition, ValidProfile[]>): { profile: Profile; issue: Issue }[];
}

export type Rule = RawProfileRule | ProfileRule | CorpusRule | EditionsRule;

export function isPoint(at: Issue['at']): at is Point {
  return !Array.isArray(at);
}
