import type { IndicatorGroup } from '../edition/edition.js';
import type { GroupData, Ranks } from '../profile/data.js';
import { formatScore } from '../scoring/exact.js';
import { InputError } from '../errors.js';
import { NoTermbase, type PrintedEdition } from '../language/printed.js';
import { languageOf, printedFor } from '../language/profile-language.js';
import type { ValidProfile } from '../profile/valid.js';
import { narrativeHtml } from './narrative.js';
import { hyphenateText } from './typography/hyphenate.js';
import { languageStyle, type LanguageStyle } from './typography/language.js';
import { smartenText } from './typography/quotes.js';
import { changesSince, type ChangeOf } from './changes.js';

/** One score as a bar on the index's 1-to-10 scale. */
export interface BarView {
  label: string;
  /** "4.50": two decimals, as the index prints every score. */
  value: string;
  /** The filled length on a track 90 units long, from 1 (empty) to 10 (full). */
  fill: string;
  /** The change since the compared edition ("↑ +0.5"); null when not compared or new. */
  change: string | null;
}

/** A headline score: "5.08", "Criminality", "Criminality score", "83rd of 193 countries", ... */
export interface ScoreView {
  label: string;
  /** The score's caption in the profile's language ("Criminality score", "Score de criminalité"). */
  caption: string;
  value: string;
  ranks: string[];
  change: string | null;
}

/** A titled set of bars; the resilience page's indicators have no title (label null). */
export interface GroupView {
  label: string | null;
  value: string | null;
  change: string | null;
  bars: BarView[];
}

/** One printed page: its own measure in large, the other as a summary, and its narrative. */
export interface PageView {
  number: 1 | 2;
  /** 'criminality' or 'resilience': the CSS class that colours the page. */
  theme: string;
  first: boolean;
  headline: ScoreView;
  groups: GroupView[];
  summary: ScoreView & { bars: BarView[] };
  narrative: { title: string; html: string; funding: string | null };
}

/** Everything the profile template prints, as text (the narrative as sanitized HTML). */
export interface ProfileView {
  lang: string;
  title: string;
  country: string;
  edition: string;
  publisher: string;
  /** Diagonal text over both pages ("draft"), or null for none. */
  watermark: string | null;
  pages: [PageView, PageView];
  footer: string[];
}

/** A label, rank line or title as printed: typographic quotes (CSS keeps its last word company: text-wrap). */
type Setter = (text: string) => string;

/** How the page writes a label (typeset) and a score (in the language's decimals). */
interface Writer {
  set: Setter;
  score: (value: number) => string;
}

function bar(label: string, value: number, write: Writer, change: string | null): BarView {
  const fill = Math.min(Math.max(value - 1, 0), 9) * 10;
  return { label: write.set(label), value: write.score(value), fill: fill.toFixed(1), change };
}

function groupBars(group: IndicatorGroup, data: GroupData, write: Writer, change: ChangeOf): BarView[] {
  return group.indicators.map((indicator) => bar(indicator.label, data.indicators[indicator.key] as number, write, change(indicator.key)));
}

function scoreView(label: string, caption: string, score: number, write: Writer, ranks: string[], change: string | null): ScoreView {
  return { label, caption: write.set(caption), value: write.score(score), ranks, change };
}

/** The profile's edition in its language, or why it cannot be printed. */
function printedOrFail(entry: ValidProfile): PrintedEdition {
  const printed = printedFor(entry);
  if (printed instanceof NoTermbase) throw new InputError(`${entry.profile.file.path}: ${printed.reason}`);
  return printed;
}

/** How the view is made: the watermark and whether the text is typeset. */
export interface ViewOptions {
  /** Watermark text over both pages; default: "draft" or "review" from the status, none when final; false for none. */
  watermark?: string | false;
  /** Typographic quotes, dashes and hyphenation in the language's style (languages/*.yaml); false prints the text as written. Default true. */
  typography?: boolean;
}

export function profileView(entry: ValidProfile, options: ViewOptions = {}): ProfileView {
  const { data } = entry;
  const printed = printedOrFail(entry);
  const { edition } = printed;
  const country = edition.countryByName.get(data.country);
  // The validator reports this as an error; rank lines need the country's continent and region.
  if (!country) throw new Error(`${data.country} is not a country of ${edition.id}: fix the profile before rendering it`);
  const lang = languageOf(entry);
  const style: LanguageStyle | null = options.typography === false ? null : languageStyle(lang);
  const set: Setter = (text) => smartenText(text, style);
  const write: Writer = { set, score: (value) => printed.decimal(formatScore(value)) };
  const ranks = (r: Ranks) => printed.rankLines(country, r).map(set);
  const since = changesSince(entry);
  // "↑ +0.50" in the language's decimals ("↑ +0,50").
  const change: ChangeOf = (key) => since(key)?.replace(/\d+\.\d+/, (decimal) => printed.decimal(decimal)) ?? null;
  const criminalityGroups = edition.criminality.groups.map((group) => ({ group, data: data.criminality[group.key] as GroupData }));
  const { score: captions } = printed.wording;
  const criminality = scoreView(set(edition.criminality.label), captions.criminality, data.criminality.score, write, ranks(data.criminality.rank), change('criminality'));
  const resilience = scoreView(set(edition.resilience.label), captions.resilience, data.resilience.score, write, ranks(data.resilience.rank), change(edition.resilience.key));
  const narrative = narrativeHtml({ ...entry, edition }, style);
  const funding = data.funding?.trim() ? hyphenateText(smartenText(data.funding.trim(), style), style) : null;
  const watermark = options.watermark ?? (data.status === 'final' ? false : printed.wording.status[data.status]);
  const countryName = set(printed.countryName(data.country) ?? `[countries.${data.country}]`);

  return {
    lang,
    title: `${countryName} – ${set(edition.title)}`,
    country: countryName,
    edition: set(edition.title),
    publisher: set(edition.publisher),
    watermark: watermark || null,
    pages: [
      {
        number: 1,
        theme: 'criminality',
        first: true,
        headline: criminality,
        groups: criminalityGroups.map(({ group, data: g }) => ({ label: set(group.label), value: write.score(g.score), change: change(group.key), bars: groupBars(group, g, write, change) })),
        summary: { ...resilience, bars: [] },
        narrative: { title: edition.criminality.label, html: narrative.criminality, funding: null },
      },
      {
        number: 2,
        theme: 'resilience',
        first: false,
        headline: resilience,
        groups: [{ label: null, value: null, change: null, bars: groupBars(edition.resilience, data.resilience, write, change) }],
        summary: { ...criminality, bars: criminalityGroups.map(({ group, data: g }) => bar(group.label, g.score, write, change(group.key))) },
        narrative: { title: edition.resilience.label, html: narrative.resilience, funding },
      },
    ],
    footer: edition.footer.map(set),
  };
}
