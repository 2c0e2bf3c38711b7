import { summarize, type FlatMessage } from '../report/messages.js';
import type { ProseSettings } from '../validate/rule.js';
import { validateSources } from '../validate/validate.js';
import { bundledWords, editions } from './support.js';

/** Messages of one rule for one profile checked alone, with the bundled project's words. */
export function proseMessages(ruleId: string, text: string, prose: Partial<ProseSettings> = {}): FlatMessage[] {
  const sources = [{ path: 'content/goci-2021/azerbaijan.md', bytes: Buffer.from(text) }];
  const settings: ProseSettings = { words: bundledWords, atFinal: 'warning', ...prose };
  return summarize(validateSources(sources, editions, {}, undefined, { prose: settings }).files).messages.filter((m) => m.ruleId === ruleId);
}

/** 1-based line and column of the first occurrence of `needle` in `text`, plus `shift` columns. */
export function placeOf(text: string, needle: string, shift = 0): { line: number; column: number } {
  const index = text.indexOf(needle);
  if (index === -1) throw new Error(`${needle} not in text`);
  const before = text.slice(0, index);
  return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') + shift };
}
