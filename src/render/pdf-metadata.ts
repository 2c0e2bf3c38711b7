import { createHash } from 'node:crypto';
import { ParseSpeeds, PDFArray, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { InputError } from '../io/collect.js';
import type { ValidProfile } from '../validate/rule.js';
import { pressHeader, pressStep, type PressOptions } from './press/index.js';
import { setXmp, xmpPacket } from './press/xmp.js';

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
    title: `${data.country} | ${edition.title}`,
    author: edition.publisher,
    subject: `${edition.title}: country profile of ${data.country}, criminality and resilience scores`,
    keywords: [data.country, data.continent, data.region, edition.title, 'organized crime', 'criminality', 'resilience'],
    creator: 'ocindex-profiles',
    lang: data.lang ?? edition.language,
    date: documentDate(edition.year),
  };
}

const idPlaceholder = '0'.repeat(32);

/** A finished PDF and its page count (a cheap check against the layout's own copy-fit verdict). */
export interface FinishedPdf {
  bytes: Uint8Array;
  pages: number;
}

/**
 * Sets the metadata on Chromium's PDF, keeping its structure tree and outline (with `press`, makes it
 * the PDF/X-4 press file: src/render/press/), and makes the bytes depend on the content only: fixed
 * dates, and a trailer /ID that is a hash of the document instead of Chromium's random one.
 */
export async function finishPdf(pdf: Uint8Array, meta: PdfMetadata, press?: PressOptions): Promise<FinishedPdf> {
  // A profile's PDF is small: parsed and written in one go, without pdf-lib's pauses between objects,
  // it takes a third of the time.
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setCreator(meta.creator);
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  doc.catalog.set(PDFName.of('Lang'), PDFString.of(meta.lang));
  // XMP with dc:title for accessibility; the press file's also declares PDF/X-4 (src/render/press/).
  if (press) pressStep(doc, meta, press);
  else setXmp(doc, xmpPacket(meta, false));
  const placeholder = PDFHexString.of(idPlaceholder);
  doc.context.trailerInfo.ID = doc.context.obj([placeholder, placeholder]) as PDFArray;
  const bytes = Buffer.from(await doc.save({ useObjectStreams: false, objectsPerTick: Infinity }));
  if (press) pressHeader(bytes);
  // The trailer, at the end, holds the placeholder twice; the hash, of the same length, replaces both.
  const id = createHash('md5').update(bytes).digest('hex');
  const trailer = bytes.lastIndexOf('trailer');
  for (let at = bytes.indexOf(idPlaceholder, trailer); at >= 0; at = bytes.indexOf(idPlaceholder, at)) bytes.write(id, at, 'latin1');
  return { bytes, pages: doc.getPageCount() };
}
