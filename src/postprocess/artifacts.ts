import { PDFArray, PDFDict, PDFName, PDFNull, PDFNumber, PDFRawStream, PDFRef, type PDFDocument, type PDFPage } from 'pdf-lib';
import { forEachOperation, type Operation } from './content-stream.js';
import { dictOf, nameOf, parentTreeArray, replaceContent, resolve, streamBytes, streamRefs } from './pdf-objects.js';
import type { PdfStep } from './step.js';

/** What an operator is to the marking of content: one lookup an operator (a chain of sets took twice as long). */
const enum Role {
  /** m l c v y h re: a path is being built. */
  PathConstruction = 1,
  /** S s f F f* B B* b b*: the path is painted. */
  PathPainting,
  /** n: the path ends unpainted (a clip). */
  PathEnd,
  /** Tj TJ ' ", and sh and Do: one painting object on its own (text shown, a shading, an XObject). */
  SinglePainting,
  ImageBegin,
  ImageEnd,
  TextBegin,
  TextEnd,
  MarkedContentBegin,
  MarkedContentEnd,
}
const roles = new Map<string, Role>([
  ...['m', 'l', 'c', 'v', 'y', 'h', 're'].map((operator) => [operator, Role.PathConstruction] as const),
  ...['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*'].map((operator) => [operator, Role.PathPainting] as const),
  ['n', Role.PathEnd],
  ...['Tj', 'TJ', "'", '"', 'sh', 'Do'].map((operator) => [operator, Role.SinglePainting] as const),
  ['BI', Role.ImageBegin],
  ['EI', Role.ImageEnd],
  ['BT', Role.TextBegin],
  ['ET', Role.TextEnd],
  ['BDC', Role.MarkedContentBegin],
  ['BMC', Role.MarkedContentBegin],
  ['EMC', Role.MarkedContentEnd],
]);

/** What a marked-content sequence with an MCID paints. */
interface MarkedSequence {
  mcid: number;
  /** The BDC operation, its operands included (from the end of the operator before). */
  start: number;
  end: number;
  /** Whether it paints a path, and whether it paints anything else (text, an image, a shading, an XObject). */
  paths: boolean;
  other: boolean;
}

/** The painting of a content stream: where unmarked painting objects are, and what each MCID paints. */
export interface ContentMarking {
  /** [start, end) of each painting object outside any marked content. */
  unmarked: [number, number][];
  sequences: MarkedSequence[];
}

const mcidPattern = /\/MCID\s+(\d+)/;

/**
 * What, in a text object, could matter to the marking besides showing text: strings and comments that
 * could hide operators, marked content, images, shadings, XObjects, paths (the first ones' letters).
 */
const notPlainText = /[(%]|\b(?:BDC|BMC|EMC|BI|ID|EI|sh|Do|BT|re|[mlcvyhSsfFBbnW])\b/;
const showsText = /\bT[jJ]\b|['"]/;

/**
 * Where a text object that lies inside marked content ends, when all it holds is text state and
 * text shown (as Chromium writes the most of every page), and whether it shows any: the marking reads
 * it at once instead of operator by operator.
 */
function plainTextObject(text: string, after: number): { end: number; shows: boolean } | undefined {
  const end = text.indexOf('\nET\n', after);
  if (end < 0) return undefined;
  const inside = text.slice(after, end);
  return notPlainText.test(inside) ? undefined : { end: end + 1, shows: showsText.test(inside) };
}

/**
 * Reads a content stream as marked content: each painting object (a painted path from its first
 * construction operator, a text-showing operator, a shading, an XObject, an inline image) either lies
 * inside a marked-content sequence or not; the sequences with an MCID count what they paint.
 * `read` are the stream's operations where they have been read already (the preflight's checks share them).
 */
export function contentMarking(text: string, read?: readonly Operation[]): ContentMarking {
  const unmarked: [number, number][] = [];
  const sequences: MarkedSequence[] = [];
  const open: (MarkedSequence | undefined)[] = [];
  let pathStart: number | undefined;
  let imageStart: number | undefined;
  // A text object begun outside marked content, with no marked content inside: wrapped whole (BT to
  // ET), as readers such as mupdf flush its text at ET; else each text-showing operator on its own.
  let textObject: { start: number; shows: [number, number][]; marked: boolean } | undefined;
  const painted = (start: number, end: number, kind: 'paths' | 'other') => {
    if (open.length === 0 && textObject && kind === 'other') textObject.shows.push([start, end]);
    else if (open.length === 0) unmarked.push([start, end]);
    else {
      const sequence = open.find((s) => s !== undefined);
      if (sequence) sequence[kind] = true;
    }
  };
  // Operators only, no operands: an operator's operands start where the operator before it ended.
  let previousEnd = 0;
  const each = read ? (visit: (operation: Operation) => void | number) => read.forEach(visit) : (visit: (operation: Operation) => void | number) => forEachOperation(text, visit, false);
  each(
    ({ operator, start: operatorStart, end }) => {
      const start = previousEnd;
      previousEnd = end;
      switch (roles.get(operator)) {
        case Role.PathConstruction:
          pathStart ??= start;
          break;
        case Role.PathPainting:
          painted(pathStart ?? start, end, 'paths');
          pathStart = undefined;
          break;
        case Role.PathEnd:
          pathStart = undefined;
          break;
        case Role.SinglePainting:
          painted(start, end, 'other');
          break;
        case Role.ImageBegin:
          imageStart = start;
          break;
        case Role.ImageEnd:
          painted(imageStart ?? start, end, 'other');
          break;
        case Role.TextBegin: {
          textObject = open.length === 0 ? { start, shows: [], marked: false } : undefined;
          // Inside marked content, a text object of text alone is read at once, where the tokenizer
          // reads it (the operations of the preflight are read already).
          const plain = open.length > 0 && !read ? plainTextObject(text, end) : undefined;
          if (!plain) break;
          if (plain.shows) painted(end, plain.end, 'other');
          return plain.end;
        }
        case Role.TextEnd:
          if (textObject?.marked) unmarked.push(...textObject.shows);
          else if (textObject && textObject.shows.length > 0) unmarked.push([textObject.start, end]);
          textObject = undefined;
          break;
        case Role.MarkedContentBegin: {
          if (textObject) textObject.marked = true;
          const mcid = operator === 'BDC' ? mcidPattern.exec(text.slice(start, operatorStart))?.[1] : undefined;
          const sequence = mcid === undefined ? undefined : { mcid: Number(mcid), start, end, paths: false, other: false };
          if (sequence) sequences.push(sequence);
          open.push(sequence);
          break;
        }
        case Role.MarkedContentEnd:
          open.pop();
          break;
      }
    },
  );
  return { unmarked, sequences };
}

/** Byte edits of a stream: [start, end) becomes `text`; sorted, not overlapping. */
type Edit = { start: number; end: number; text: string };

function applyEdits(text: string, edits: Edit[]): string {
  let out = '';
  let at = 0;
  for (const edit of edits.sort((a, b) => a.start - b.start)) {
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}

/** Takes marked-content reference `mcid` out of a structure element's kids. */
function removeMcid(doc: PDFDocument, element: PDFDict, mcid: number): void {
  const kids = resolve(doc, element.get(PDFName.of('K')));
  const isIt = (kid: unknown) => {
    const resolved = resolve(doc, kid as PDFRef);
    if (resolved instanceof PDFNumber) return resolved.asNumber() === mcid;
    const dict = resolved instanceof PDFDict ? resolved : undefined;
    return nameOf(doc, dict?.get(PDFName.of('Type'))) === 'MCR' && (resolve(doc, dict?.get(PDFName.of('MCID'))) as PDFNumber | undefined)?.asNumber() === mcid;
  };
  if (kids instanceof PDFArray) {
    for (let i = kids.size() - 1; i >= 0; i--) if (isIt(kids.get(i))) kids.remove(i);
  } else if (isIt(kids)) element.set(PDFName.of('K'), doc.context.obj([]));
}

/**
 * Marks a page's decoration as artifacts: every painting object outside marked content is wrapped in
 * `/Artifact BMC … EMC`, and a tagged sequence that paints paths only (the panel, the accent bar, the
 * rule under a heading or over the footer: CSS backgrounds and borders Chromium puts in the tag of
 * their element) becomes an artifact too, its reference leaving the structure tree, unless its
 * element is a Figure (a drawing whose paths are its content).
 */
export function markArtifacts(doc: PDFDocument, page: PDFPage): void {
  const parents = parentTreeArray(doc, page);
  for (const ref of streamRefs(page.node.get(PDFName.of('Contents')))) {
    const stream = doc.context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) continue;
    const text = streamBytes(stream).toString('latin1');
    const { unmarked, sequences } = contentMarking(text);
    const edits: Edit[] = unmarked.flatMap(([start, end]) => [
      { start, end: start, text: '\n/Artifact BMC\n' },
      { start: end, end, text: '\nEMC' },
    ]);
    for (const sequence of sequences) {
      if (!sequence.paths || sequence.other) continue;
      const element = dictOf(doc, parents?.get(sequence.mcid));
      if (element && nameOf(doc, element.get(PDFName.of('S'))) === 'Figure') continue;
      edits.push({ start: sequence.start, end: sequence.end, text: '\n/Artifact BMC' });
      if (element) removeMcid(doc, element, sequence.mcid);
      if (parents && sequence.mcid < parents.size()) parents.set(sequence.mcid, PDFNull);
    }
    if (edits.length > 0) replaceContent(doc, ref, stream, applyEdits(text, edits));
  }
}

export const artifactsStep: PdfStep = {
  id: 'artifacts',
  description: 'decoration (panel, rules, bars, watermark, crop marks) marked as artifacts: nothing is painted outside marked content',
  edit(doc) {
    for (const page of doc.getPages()) markArtifacts(doc, page);
  },
};
