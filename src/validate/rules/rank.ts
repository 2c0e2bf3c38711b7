import type { Country } from '../../edition/edition.js';
import { formatHundredths } from '../../scoring/exact.js';
import { ordinal } from '../../scoring/ordinal.js';
import { rankPopulation } from '../../scoring/rank-lines.js';
import { rankedMeasures, rankScopes } from '../../profile/data.js';
import { areaOf, groupBy, placeOf, rankTable, type MeasureRanks } from '../../scoring/ranks.js';
import type { ValidProfile } from '../../profile/valid.js';
import type { CorpusRule, Issue } from '../rule.js';

interface Ranked {
  entry: ValidProfile;
  country: Country;
  continent: string;
  region: string;
}

export const rankRule: CorpusRule = {
  id: 'rank',
  description: 'Ranks are competition ranks (higher score first) within the world, continent and region, over the edition corpus.',
  stage: 'corpus',
  reachesOthers: true,
  check(edition, profiles, context) {
    const found: { profile?: ValidProfile['profile']; issue: Issue }[] = [];
    const seen = new Set<string>();
    const ranked: Ranked[] = [];
    for (const entry of profiles) {
      const country = edition.countryByName.get(entry.data.country);
      if (!country || seen.has(country.name)) continue; // geography and unique-country report these
      seen.add(country.name);
      ranked.push({ entry, country, ...placeOf(country) });
    }
    if (ranked.length === 0) return found;
    // Countries with a profile that is not valid are not missing: their own errors say what is wrong.
    const named = new Set([...(context?.named ?? []), ...ranked.map((r) => r.country.name)]);
    const missing = edition.countries.length - ranked.length;
    if (named.size < edition.countries.length) {
      found.push({
        issue: {
          at: { line: 1, column: 1 },
          severity: 'warning',
          reason: `the corpus holds ${named.size} of the ${edition.countries.length} countries of ${edition.id}; with ${edition.countries.length - named.size} missing, ranks are checked only for consistency with the profiles present`,
        },
      });
    }
    // The ranks the profiles present give each other; with countries missing, the lowest each can hold.
    const expected = rankTable(ranked, (r, measure) => r.entry.composites[measure]);
    for (const measure of rankedMeasures) {
      const score = (r: Ranked) => r.entry.composites[measure];
      for (const scope of rankScopes) {
        for (const members of groupBy(ranked, (r) => areaOf(r, scope)).values()) {
          const absent = scope === 'global' ? missing : (edition.areaSizes.get(areaOf(members[0] as Ranked, scope)) ?? 0) - members.length;
          const byScore = [...members].sort((a, b) => score(b) - score(a));
          byScore.forEach((member, index) => {
            const stated = member.entry.data[measure].rank[scope];
            const path = [measure, 'rank', scope];
            const present = (expected.get(member) as MeasureRanks)[measure][scope];
            const line = `a ${measure} score of ${formatHundredths(score(member))}`;
            const population = rankPopulation(edition, member.country, scope);
            const report = (reason: string) => found.push({ profile: member.entry.profile, issue: { at: path, part: 'value', reason } });
            if (absent === 0) {
              if (stated !== present) report(`${path.join('.')} is ${stated}; ${line} ranks ${ordinal(present)} ${population}`);
              return;
            }
            if (stated < present || stated > present + absent) {
              report(`${path.join('.')} is ${stated}; ${line} ranks from ${present} to ${present + absent} ${population}, as ${absent} of them are missing from the corpus`);
              return;
            }
            const above = byScore[index - 1];
            if (!above) return;
            const aboveRank = above.entry.data[measure].rank[scope];
            if (score(above) === score(member) && aboveRank !== stated) {
              report(`${path.join('.')} is ${stated}; ${above.country.name} has the same ${measure} score and ranks ${aboveRank}`);
            } else if (score(above) > score(member) && aboveRank >= stated) {
              report(`${path.join('.')} is ${stated}; ${above.country.name} has a higher ${measure} score and ranks ${aboveRank}`);
            }
          });
        }
      }
    }
    return found;
  },
};
