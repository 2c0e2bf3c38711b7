import { InputError } from '../errors.js';
import { NoTermbase } from '../language/printed.js';
import { languageOf, printedFor } from '../language/profile-language.js';
import type { ValidProfile } from '../profile/valid.js';

/** What the document info dictionary and catalog say about a profile. */
export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  creator: string;
  lang: string;
  /** Creation and modification date: fixed, so that a render can be reproduced byte for byte. */
  date: Date;
}

/** SOURCE_DATE_EPOCH (reproducible-builds.org) when set, else 1 January of the edition's year. */
export function documentDate(year: number, epoch = process.env.SOURCE_DATE_EPOCH): Date {
  if (epoch === undefined || epoch === '') return new Date(Date.UTC(year, 0, 1));
  if (!/^\d+$/.test(epoch)) throw new InputError(`SOURCE_DATE_EPOCH=${epoch}: expected a whole number of seconds since 1970`);
  return new Date(Number(epoch) * 1000);
}

/** In the profile's language: its termbase's words (languages/<lang>/terms.yaml), its edition's labels in it. */
export function profileMetadata(entry: ValidProfile): PdfMetadata {
  const { data } = entry;
  const printed = printedFor(entry);
  if (printed instanceof NoTermbase) throw new InputError(`${entry.profile.file.path}: ${printed.reason}`);
  const { edition, wording } = printed;
  const country = printed.countryName(data.country) ?? data.country;
  return {
    // A draft or a profile under review says so in its title, in its language, which readers show
    // and speak (its watermark is decoration, an artifact).
    title: `${country} | ${edition.title}${data.status === 'final' ? '' : ` (${wording.status[data.status]})`}`,
    author: edition.publisher,
    subject: wording.metadata.subject.replace('{title}', edition.title).replace('{country}', country),
    keywords: [country, printed.areaName(data.continent), printed.areaName(data.region), edition.title, ...wording.metadata.keywords],
    creator: 'ocindex-profiles',
    lang: languageOf(entry),
    date: documentDate(edition.year),
  };
}
