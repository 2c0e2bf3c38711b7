import { compareProfiles } from '../../diff/compare.js';
import { formatChange, formatMeasure } from '../../diff/measures.js';
import { changedShare, narrativeWords } from '../../diff/narrative.js';
import { previousEdition } from '../../diff/previous.js';
import type { Profile } from '../../profile/parse.js';
import type { EditionsRule, Issue } from '../rule.js';
import type { ValidProfile } from '../../profile/valid.js';

/** A narrative with at most this share of its words changed counts as not rewritten. */
const unchangedShare = 0.1;
/** A composite score that moved this much (in hundredths) calls for new text. */
const scoreMove = 100;

function check(entry: ValidProfile, before: ValidProfile): Issue | undefined {
  const words = [narrativeWords(before.profile), narrativeWords(entry.profile)] as const;
  if (words[0].length === 0 || words[1].length === 0) return undefined;
  const moved = compareProfiles(before, entry).changes.filter((c) => c.kind === 'score' && Math.abs(c.delta) >= scoreMove);
  if (moved.length === 0) return undefined;
  // Past the diff's bound the narratives differ in over a thousand places: rewritten enough.
  const { share, atLeast } = changedShare(...words);
  if (atLeast || share > unchangedShare) return undefined;
  const first = entry.profile.tree.children[0]?.position?.start;
  const same = share === 0 ? 'the same as' : `${Math.floor((1 - share) * 100)}% the same as`;
  const moves = moved.map((c) => `${c.label.toLowerCase()} moved from ${formatMeasure(c.kind, c.from)} to ${formatMeasure(c.kind, c.to)} (${formatChange(c.kind, c.delta)})`);
  return {
    at: { line: first?.line ?? entry.profile.bodyLine, column: first?.column ?? 1 },
    severity: 'warning',
    reason: `the narrative is ${same} ${before.edition.id}'s while ${moves.join(' and ')}; update the narrative`,
  };
}

export const narrativeUnchangedRule: EditionsRule = {
  id: 'narrative-unchanged',
  description: "At review and final, the narrative is not (nearly) the previous edition's when a score moved by 1.0 or more.",
  stage: 'editions',
  check(byEdition) {
    const found: { profile: Profile; issue: Issue }[] = [];
    for (const [edition, entries] of byEdition) {
      const previous = previousEdition(edition, byEdition.keys());
      if (!previous) continue;
      const before = new Map((byEdition.get(previous) ?? []).map((e) => [e.data.country, e]));
      for (const entry of entries) {
        const old = before.get(entry.data.country);
        if (entry.data.status === 'draft' || !old) continue;
        const issue = check(entry, old);
        if (issue) found.push({ profile: entry.profile, issue });
      }
    }
    return found;
  },
};
