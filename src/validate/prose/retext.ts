import type { Root } from 'nlcst';
import { unified, type Plugin } from 'unified';
import { VFile } from 'vfile';
import type { Point } from '../../profile/parse.js';

/** What a retext plugin found in a prose tree: its message and place. */
export interface Finding {
  reason: string;
  at: Point;
  ruleId: string;
  actual?: string;
  expected?: string;
}

/**
 * Runs one retext checker (retext-quotes, retext-repeated-words, ...) on a prose tree whose
 * positions are the Markdown file's already, and returns its messages.
 */
export function runChecker<Options>(plugin: Plugin<[Options?], Root>, options: Options, tree: Root): Finding[] {
  const file = new VFile();
  unified().use(plugin, options).runSync(tree, file);
  return file.messages.map((m) => ({ reason: m.reason, at: { line: m.line ?? 1, column: m.column ?? 1 }, ruleId: m.ruleId ?? '', actual: m.actual, expected: m.expected?.[0] }));
}
