import type { Edition } from '../edition/edition.js';
import { outlineMarkdown } from './outline.js';
import { parseProfile } from './parse.js';

/**
 * A profile without a narrative, given the edition's outline as empty sections: every byte up to the
 * closing --- line stays as it is (scores, comments, key order), in the file's own line endings.
 */
export function withOutline(path: string, bytes: Uint8Array, edition: Edition): { text: string } | { problem: string } {
  const parsed = parseProfile(path, bytes);
  if ('problem' in parsed) return { problem: `${path}: ${parsed.problem.reason}; fix it first (ocindex validate ${path})` };
  const { profile } = parsed;
  if (profile.tree.children.length > 0) return { problem: `${path} has a narrative already; --outline only fills a profile that has none` };
  const lineEnd = profile.text.indexOf('\n', profile.frontMatter.end);
  const head = lineEnd === -1 ? `${profile.text}${profile.eol}` : profile.text.slice(0, lineEnd + 1);
  return { text: head + outlineMarkdown(edition.outline).replace(/\n/g, profile.eol) };
}
