import { InputError } from '../errors.js';
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

export function profileMetadata({ data, edition }: ValidProfile): PdfMetadata {
  return {
    // A draft or a profile under review says so in its title, which readers show and speak (its
    // watermark is decoration, an artifact).
    title: `${data.country} | ${edition.title}${data.status === 'final' ? '' : ` (${data.status})`}`,
    author: edition.publisher,
    subject: `${edition.title}: country profile of ${data.country}, criminality and resilience scores`,
    keywords: [data.country, data.continent, data.region, edition.title, 'organized crime', 'criminality', 'resilience'],
    creator: 'ocindex-profiles',
    lang: data.lang ?? edition.language,
    date: documentDate(edition.year),
  };
}
