import type { ProjectProse } from '../../profile/valid.js';
import type { HouseStyle } from './style.js';

/** What a project adds to the house style: its own words, and errors instead of warnings at `final`. */
export interface ProseSettings extends ProjectProse {
  /** House-style values the project sets otherwise than style/<lang>.yaml. */
  style?: Partial<HouseStyle>;
}
