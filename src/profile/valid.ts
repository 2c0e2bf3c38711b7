import type { Edition } from '../edition/edition.js';
import type { ProfileData } from './data.js';
import type { Profile } from './parse.js';

/** The scores of one profile that the index derives from its indicators, in hundredths. */
export interface Composites {
  /** Group key ("criminal_markets", ..., "resilience") -> rounded mean of its indicators. */
  groups: Map<string, { hundredths: number; count: number; path: string[] }>;
  criminality: number;
  resilience: number;
}

/** What a project adds to the house style (validate/prose/ reads it): its words, the prose rules' severity at `final`, style values of its own. */
export interface ProjectProse {
  words: readonly string[];
  atFinal: 'error' | 'warning';
  style?: object;
}

/**
 * A profile that fits its edition's schema: the model every stage after validation shares (render,
 * export, fix). `profile.file` is its source file, with the validator's messages.
 */
export interface ValidProfile {
  profile: Profile;
  data: ProfileData;
  edition: Edition;
  composites: Composites;
  /** The project's settings for the prose rules (its word list, their severity at final). */
  prose?: ProjectProse;
  /** The same country's profile in the edition's `compare_with` edition, when validated alongside. */
  previous?: ValidProfile;
  /**
   * For a translation (front-matter `translates:`), its source and its own front-matter; `data`
   * is then the source's scores and geography under the translation's own fields.
   */
  translation?: Translation;
}

/** What a translation is validated and printed with besides its own file. */
export interface Translation {
  /** The profile it translates, with its narrative parsed (the sections' fingerprints). */
  source: ValidProfile;
  /** The translation's own front-matter, as written. */
  own: Record<string, unknown>;
}
