import { describe, expect, it } from 'vitest';
import { validTranslation } from '../../testing/fixtures.js';
import { azerbaijan2021, azerbaijan2021French, check, readContent, replaceOnce } from '../../testing/support.js';

const source = 'content/goci-2021/azerbaijan.md';
const french = 'content/goci-2021/fr/azerbaijan.md';

/** Messages of the French translation checked with its source (the source's own aside). */
function translationMessages(translation: string, sourceText = azerbaijan2021, path = french) {
  return check({ [source]: sourceText, [path]: translation }).filter((m) => m.file === path);
}

const brief = (messages: { severity: string; ruleId: string; message: string }[]) => messages.map((m) => `${m.severity} ${m.ruleId}: ${m.message}`);

// The first French check builds the French dictionary (nspell: 10–20 s) unless an earlier run left its verdicts.
describe('a translation', { timeout: 120_000 }, () => {
  it('is valid as bundled: current, every term there, spelled as the French house style wants', () => {
    expect(brief(translationMessages(azerbaijan2021French))).toEqual([]);
  });

  it('takes its scores, ranks and geography from its source', () => {
    const entry = validTranslation(azerbaijan2021French);
    expect(entry.data).toMatchObject({ country: 'Azerbaijan', region: 'Central Asia and the Caucasus', lang: 'fr', status: 'final' });
    expect(entry.data.criminality).toMatchObject({ score: 5.08, rank: { global: 83, continent: 26, region: 3 } });
    expect(entry.translation?.source.profile.file.path).toBe(source);
    // A score changed once, in the source, is the translation's too.
    const revised = azerbaijan2021.replace('human_trafficking: 4.5', 'human_trafficking: 5.0').replace('score: 4.15', 'score: 4.20').replace('score: 5.08', 'score: 5.10');
    expect(validTranslation(azerbaijan2021French, french, { path: source, text: revised }).data.criminality.score).toBe(5.1);
  });

  it('names a stale section in both languages: a warning in a draft, an error at final', () => {
    const revised = replaceOnce(azerbaijan2021, 'arms trafficking is reportedly extremely limited', 'arms trafficking is reportedly limited');
    const expected = "section 'Criminalité / Marchés criminels / Commerce' (Criminality / Criminal markets / Trade) changed in content/goci-2021/azerbaijan.md since it was translated: bring the translation up to date, then run ocindex translate --mark-current content/goci-2021/fr/azerbaijan.md";
    expect(brief(translationMessages(azerbaijan2021French, revised))).toEqual([`error translation-current: ${expected}`]);
    const review = replaceOnce(azerbaijan2021French, 'status: final', 'status: review');
    const [message] = translationMessages(review, revised);
    expect(message).toMatchObject({ severity: 'warning', ruleId: 'translation-current', message: expected });
    expect(message?.line).toBe(review.split('\n').findIndex((line) => line.startsWith('  Criminality / Criminal markets / Trade:')) + 1);
  });

  it('is not stale when the source is only rewrapped', () => {
    const rewrapped = replaceOnce(azerbaijan2021, 'Although arms trafficking', 'Although\narms  trafficking');
    expect(translationMessages(azerbaijan2021French, rewrapped)).toEqual([]);
  });

  it('may repeat a score of its source, but not change it', () => {
    const repeated = replaceOnce(azerbaijan2021French, 'status: final\n', 'status: final\ncriminality:\n  score: 5.08\n  rank: { global: 83 }\n');
    expect(translationMessages(repeated)).toEqual([]);
    const conflicting = replaceOnce(azerbaijan2021French, 'status: final\n', 'status: final\ncriminality:\n  score: 5.10\n  rank: { global: 82 }\n');
    expect(brief(translationMessages(conflicting))).toEqual([
      'error translation: criminality.score is 5.1 here but 5.08 in its source content/goci-2021/azerbaijan.md: a translation takes its scores and geography from its source; remove the line (or change the source)',
      'error translation: criminality.rank.global is 82 here but 83 in its source content/goci-2021/azerbaijan.md: a translation takes its scores and geography from its source; remove the line (or change the source)',
    ]);
  });

  it('is final only when its source is', () => {
    const messages = translationMessages(azerbaijan2021French, replaceOnce(azerbaijan2021, 'status: final', 'status: review'));
    expect(brief(messages)).toEqual(['error translation: a translation is final only when its source is; content/goci-2021/azerbaijan.md is review']);
  });

  it('reports a term its language lacks, naming the key and the termbase', () => {
    const albania = readContent('goci-2021/albania.md');
    const translation = '---\ntranslates: ../albania.md\nlang: fr\nstatus: draft\n---\n';
    const messages = check({ 'content/goci-2021/albania.md': albania, 'content/goci-2021/fr/albania.md': translation }).filter((m) => m.file.endsWith('fr/albania.md'));
    expect(brief(messages)).toContain("error terms: term countries.Albania is missing from languages/fr/terms.yaml: the country's name in fr");
  });

  it('cannot be in a language without a termbase', () => {
    const german = replaceOnce(azerbaijan2021French, 'lang: fr', 'lang: de');
    expect(brief(translationMessages(german, azerbaijan2021, 'content/goci-2021/de/azerbaijan.md'))).toContain(
      "error terms: no termbase for language 'de' (languages/de/terms.yaml): a profile in it cannot be printed; add the file, or print the profile in a language that has one",
    );
  });

  it('needs its source, a language of its own and its own funding line', () => {
    const missing = check({ [french]: replaceOnce(azerbaijan2021French, 'translates: ../azerbaijan.md', 'translates: ../azerbaijn.md') });
    expect(brief(missing)).toEqual(['error translation: translates ../azerbaijn.md (content/goci-2021/azerbaijn.md), which does not exist']);
    const english = replaceOnce(azerbaijan2021French, 'lang: fr', 'lang: en-gb');
    expect(brief(translationMessages(english))).toContain("error translation: a translation states its language (lang: fr), other than its source's (en)");
    const unfunded = azerbaijan2021French.replace(/funding: >-\n.*\n/, '');
    expect(brief(translationMessages(unfunded))).toEqual([
      "error translation: its source content/goci-2021/azerbaijan.md has a funding line: state it in this translation's language (funding: ...)",
    ]);
  });

  it('has the outline in its language, spelled by the French dictionary, at <edition>/<lang>/<slug>.md', () => {
    const english = replaceOnce(azerbaijan2021French, '# Résilience', '# Resilience');
    expect(brief(translationMessages(english))).toContain("warning narrative-outline: unknown top-level section '# Resilience'; the outline has '# Criminalité', '# Résilience' there");
    const typo = replaceOnce(azerbaijan2021French, 'la traite des êtres humains prend', 'la traite des êtres humians prend');
    expect(brief(translationMessages(typo))).toEqual([expect.stringMatching(/^warning spelling: unknown word 'humians'/)]);
    expect(brief(translationMessages(azerbaijan2021French, azerbaijan2021, 'content/goci-2021/french/azerbaijan.md'))).toEqual([
      'warning file-name: the fr translation of Azerbaijan in goci-2021 belongs at goci-2021/fr/azerbaijan.md, not goci-2021/french/azerbaijan.md',
    ]);
  });
});
