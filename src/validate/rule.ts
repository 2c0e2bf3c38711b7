import type { Edition } from '../edition/edition.js';
import type { Point, Profile } from '../profile/parse.js';
import type { Composites } from '../scoring/composites.js';
import type { ProfileData } from '../profile/data.js';
import type { HouseStyle } from '../prose/style.js';

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

export interface ValidProfile {
  profile: Profile;
  data: ProfileData;
  edition: Edition;
  composites: Composites;
  /** The project's settings for the prose rules (its word list, their severity at final). */
  prose?: ProseSettings;
  /** The same country's profile in the edition's `compare_with` edition, when validated alongside. */
  previous?: ValidProfile;
}

/** What a project adds to the house style: its own words, and errors instead of warnings at `final`. */
export interface ProseSettings {
  words: readonly string[];
  atFinal: Severity;
  /** House-style values the project sets otherwise than style/<lang>.yaml. */
  style?: Partial<HouseStyle>;
}

/** A rule that compares the valid profiles of one edition with each other. */
export interface CorpusRule {
  id: string;
  description: string;
  stage: 'corpus';
  check(edition: Edition, profiles: ValidProfile[]): { profile: Profile; issue: Issue }[];
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
