import { ParseSpeeds, PDFDocument } from 'pdf-lib';
import type { ValidProfile } from '../profile/valid.js';
import type { PressOptions } from './press/index.js';
import { artifactsStep } from './artifacts.js';
import { fontNamesStep } from './font-names.js';
import { compressStep } from './compress.js';
import { idStep } from './id.js';
import { incidentalHyphensStep } from './incidental-hyphens.js';
import { capitalisedTexts, letterCaseStep } from './letter-case.js';
import { metadataStep } from './metadata.js';
import { pressPdfStep } from './press.js';
import { softHyphensStep } from './soft-hyphens.js';
import { structIdsStep } from './struct-ids.js';
import type { PdfContext, PdfStep } from './step.js';
import { profileMetadata } from './pdf-metadata.js';
import { xmpStep } from './xmp.js';

/** What the page reports that post-processing needs beyond what every PDF gets. */
export interface PageLeftovers {
  /** Whether the page's text holds soft hyphens (engine/settle-hyphens.ts): without any, their step has nothing to do. */
  softHyphens?: boolean;
}

/**
 * The post-processing of a printed profile, in order: of the screen PDF, or with `press` of the
 * press file. A new step is one file and one line here; the artifacts step follows the press step
 * (its crop marks are decoration too); the compress step deflates what the steps rewrote; the id step
 * stays last (it hashes the rest).
 */
export function pdfSteps(press?: PressOptions, { softHyphens = true }: PageLeftovers = {}): PdfStep[] {
  return [...(softHyphens ? [incidentalHyphensStep, softHyphensStep] : []), metadataStep, press ? pressPdfStep(press) : xmpStep, artifactsStep, letterCaseStep, structIdsStep, fontNamesStep, compressStep, idStep];
}

/**
 * A finished PDF, its page count (a cheap check against the layout's own copy-fit verdict) and the
 * document it was saved from, for the preflight to check without parsing the bytes again.
 */
export interface FinishedPdf {
  bytes: Buffer;
  pages: number;
  doc: PDFDocument;
}

/** What the steps know of a profile (its metadata, its capitalised texts): plain data, made once for all its files. */
export function pdfContext(entry: ValidProfile): PdfContext {
  return { metadata: profileMetadata(entry), capitalised: capitalisedTexts(entry) };
}

/**
 * Runs the steps on Chromium's PDF, keeping its structure tree and outline: loaded once, edited by
 * each step, saved once, finished by each step.
 */
export async function postprocess(pdf: Uint8Array, context: PdfContext, steps: PdfStep[] = pdfSteps()): Promise<FinishedPdf> {
  // A profile's PDF is small: parsed and written in one go, without pdf-lib's pauses between objects,
  // it takes a third of the time.
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  for (const step of steps) await step.edit?.(doc, context);
  const bytes = Buffer.from(await doc.save({ useObjectStreams: false, objectsPerTick: Infinity }));
  for (const step of steps) step.finish?.(bytes, context);
  return { bytes, pages: doc.getPageCount(), doc };
}
