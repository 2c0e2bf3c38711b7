import { existsSync } from 'node:fs';
import { readInputSync } from '../../read/bounded.js';
import { parse } from 'yaml';
import { packagePath } from '../../package/paths.js';
import { InputError } from '../../errors.js';
import { compileSchema } from '../../package/schemas.js';

/** The house style of one language, as style/<lang>.yaml states it. */
export interface HouseStyle {
  spelling: { dictionary: string; 'ize-from'?: string; 'house-words'?: string; variants?: [string, string][]; suggestions?: number };
  'repeated-words': boolean;
  'doubled-spaces': boolean;
  quotes: 'typographic' | 'any';
  /** Typographic quotation marks by level of nesting, outermost first. */
  'quote-marks': string[];
  apostrophes: boolean;
  'range-dash': boolean;
  percentage: 'per cent' | 'percent' | '%';
  'sentence-length': number;
}

const styles = new Map<string, HouseStyle | undefined>();

export function stylePath(...parts: string[]): string {
  return packagePath('style', ...parts);
}

/** The house style of a language, read once per process; undefined when the toolkit has none for it. */
export function houseStyle(lang: string): HouseStyle | undefined {
  if (styles.has(lang)) return styles.get(lang);
  const path = stylePath(`${lang}.yaml`);
  let style: HouseStyle | undefined;
  if (existsSync(path)) {
    const data: unknown = parse(readInputSync(path, { shown: path, what: 'a house style' }).toString('utf8'));
    const check = compileSchema<HouseStyle>('style.schema.json');
    if (!check(data)) {
      const reasons = (check.errors ?? []).map((e) => `${e.instancePath.slice(1).replaceAll('/', '.') || '(top)'}: ${e.message ?? 'invalid'}`);
      throw new InputError(`style/${lang}.yaml: ${reasons.join('; ')}`);
    }
    style = data;
  }
  styles.set(lang, style);
  return style;
}
