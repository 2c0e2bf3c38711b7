import type { IndicatorGroup } from '../edition/edition.js';
import type { GroupData, Ranks } from '../profile/data.js';
import { formatScore } from '../scoring/exact.js';
import { rankLines } from '../scoring/rank-lines.js';
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

/** A headline score: "5.08", "Criminality", "83rd of 193 countries", ... */
export interface ScoreView {
  label: string;
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

function bar(label: string, value: number, set: Setter, change: string | null): BarView {
  const fill = Math.min(Math.max(value - 1, 0), 9) * 10;
  return { label: set(label), value: formatScore(value), fill: fill.toFixed(1), change };
}

function groupBars(group: IndicatorGroup, data: GroupData, set: Setter, change: ChangeOf): BarView[] {
  return group.indicators.map((indicator) => bar(indicator.label, data.indicators[indicator.key] as number, set, change(indicator.key)));
}

function scoreView(label: string, score: number, ranks: string[], change: string | null): ScoreView {
  return { label, value: formatScore(score), ranks, change };
}

/** How the view is made: the watermark and whether the text is typeset. */
export interface ViewOptions {
  /** Watermark text over both pages; default: "draft" or "review" from the status, none when final; false for none. */
  watermark?: string | false;
  /** Typographic quotes, dashes and hyphenation in the language's style (languages/*.yaml); false prints the text as written. Default true. */
  typography?: boolean;
}

export function profileView(entry: ValidProfile, options: ViewOptions = {}): ProfileView {
  const { data, edition } = entry;
  const country = edition.countryByName.get(data.country);
  // The validator reports this as an error; rank lines need the country's continent and region.
  if (!country) throw new Error(`${data.country} is not a country of ${edition.id}: fix the profile before rendering it`);
  const lang = data.lang ?? edition.language;
  const style: LanguageStyle | null = options.typography === false ? null : languageStyle(lang);
  const set: Setter = (text) => smartenText(text, style);
  const ranks = (r: Ranks) => rankLines(edition, country, r).map(set);
  const change = changesSince(entry);
  const criminalityGroups = edition.criminality.groups.map((group) => ({ group, data: data.criminality[group.key] as GroupData }));
  const criminality = scoreView(set(edition.criminality.label), data.criminality.score, ranks(data.criminality.rank), change('criminality'));
  const resilience = scoreView(set(edition.resilience.label), data.resilience.score, ranks(data.resilience.rank), change(edition.resilience.key));
  const narrative = narrativeHtml(entry, style);
  const funding = data.funding?.trim() ? hyphenateText(smartenText(data.funding.trim(), style), style) : null;
  const watermark = options.watermark ?? (data.status === 'final' ? false : data.status);

  return {
    lang,
    title: `${set(data.country)} – ${edition.title}`,
    country: set(data.country),
    edition: set(edition.title),
    publisher: set(edition.publisher),
    watermark: watermark || null,
    pages: [
      {
        number: 1,
        theme: 'criminality',
        first: true,
        headline: criminality,
        groups: criminalityGroups.map(({ group, data: g }) => ({ label: set(group.label), value: formatScore(g.score), change: change(group.key), bars: groupBars(group, g, set, change) })),
        summary: { ...resilience, bars: [] },
        narrative: { title: edition.criminality.label, html: narrative.criminality, funding: null },
      },
      {
        number: 2,
        theme: 'resilience',
        first: false,
        headline: resilience,
        groups: [{ label: null, value: null, change: null, bars: groupBars(edition.resilience, data.resilience, set, change) }],
        summary: { ...criminality, bars: criminalityGroups.map(({ group, data: g }) => bar(group.label, g.score, set, change(group.key))) },
        narrative: { title: edition.resilience.label, html: narrative.resilience, funding },
      },
    ],
    footer: edition.footer.map(set),
  };
}
