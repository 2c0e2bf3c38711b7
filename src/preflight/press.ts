import { PDFArray, PDFName, PDFRawStream } from 'pdf-lib';
import { bleed, trimSize } from '../postprocess/press/boxes.js';
import { rgbSpaces } from '../postprocess/press/cmyk.js';
import { nameText } from '../postprocess/content-stream.js';
import { dictOf, infoDict, inherited, nameOf, rectOf, resolve, streamBytes, textOf, xmpText } from '../postprocess/pdf-objects.js';
import type { Finding, PreflightCheck } from './preflight.js';
import { fontProblems, perPage } from './content-checks.js';
import { pdfDateTime, xmpProperty } from './xmp-read.js';

const tolerance = 0.01;
const near = (a: number, b: number) => Math.abs(a - b) <= tolerance;
const n = (value: number) => value.toFixed(2);

const version: PreflightCheck = {
  id: 'pdfx-version',
  description: 'the PDF version is 1.6 at most (header and catalog)',
  check(doc, bytes) {
    const header = /^%PDF-(\d)\.(\d)/.exec(Buffer.from(bytes.subarray(0, 16)).toString('latin1'));
    const stated = [header ? `${header[1]}.${header[2]}` : undefined, nameOf(doc, doc.catalog.get(PDFName.of('Version')))];
    return stated.filter((v): v is string => v !== undefined && Number(v) > 1.6).map((v) => ({ check: this.id, message: `PDF version ${v}; PDF/X-4 allows 1.6 at most` }));
  },
};

const boxes: PreflightCheck = {
  id: 'pdfx-boxes',
  description: 'each page: TrimBox of A4, BleedBox 3 mm beyond it, MediaBox holding the BleedBox, no CropBox',
  check(doc) {
    return perPage(doc, this.id, (page) => {
      const messages: string[] = [];
      const at = (message: string) => messages.push(message);
      const trim = rectOf(doc, page.node.get(PDFName.of('TrimBox')));
      const bleedBox = rectOf(doc, page.node.get(PDFName.of('BleedBox')));
      const media = rectOf(doc, inherited(page, 'MediaBox'));
      if (!trim) return ['no TrimBox'];
      const [x0, y0, x1, y1] = trim as [number, number, number, number];
      if (!near(x1 - x0, trimSize.width) || !near(y1 - y0, trimSize.height)) {
        at(`TrimBox is ${n(x1 - x0)} x ${n(y1 - y0)} pt; A4 is ${n(trimSize.width)} x ${n(trimSize.height)} pt`);
      }
      if (!bleedBox) at('no BleedBox');
      else if (![x0 - bleed, y0 - bleed, x1 + bleed, y1 + bleed].every((v, i) => near(v, bleedBox[i] as number))) {
        at(`BleedBox [${bleedBox.map(n).join(' ')}] is not the TrimBox plus 3 mm (${n(bleed)} pt) on every side`);
      }
      const outer = bleedBox ?? trim;
      if (!media || media[0]! > outer[0]! + tolerance || media[1]! > outer[1]! + tolerance || media[2]! < outer[2]! - tolerance || media[3]! < outer[3]! - tolerance) {
        at('the MediaBox does not hold the BleedBox');
      }
      if (page.node.has(PDFName.of('CropBox'))) at('a CropBox is set: it would cut the bleed off');
      return messages;
    });
  },
};

const outputIntent: PreflightCheck = {
  id: 'pdfx-output-intent',
  description: 'one GTS_PDFX output intent with an OutputConditionIdentifier and an embedded CMYK ICC profile',
  check(doc) {
    const intents = (doc.catalog.lookupMaybe(PDFName.of('OutputIntents'), PDFArray)?.asArray() ?? []).map((i) => dictOf(doc, i));
    const pdfx = intents.filter((intent) => nameOf(doc, intent?.get(PDFName.of('S'))) === 'GTS_PDFX');
    if (pdfx.length !== 1) return [{ check: this.id, message: `${pdfx.length} GTS_PDFX output intents; PDF/X needs exactly one` }];
    const intent = pdfx[0]!;
    const findings: Finding[] = [];
    if (!textOf(doc, intent.get(PDFName.of('OutputConditionIdentifier')))) findings.push({ check: this.id, message: 'the output intent has no OutputConditionIdentifier' });
    const profile = resolve(doc, intent.get(PDFName.of('DestOutputProfile')));
    const icc = profile instanceof PDFRawStream ? streamBytes(profile) : undefined;
    if (!icc) findings.push({ check: this.id, message: 'the output intent has no embedded ICC profile (DestOutputProfile)' });
    else if (icc.toString('latin1', 36, 40) !== 'acsp' || icc.toString('latin1', 16, 20) !== 'CMYK') {
      findings.push({ check: this.id, message: 'the output intent\'s profile is not a CMYK ICC profile' });
    }
    return findings;
  },
};

const colour: PreflightCheck = {
  id: 'pdfx-colour',
  description: 'no RGB colour: no rg/RG operators, no DeviceRGB or CalRGB colour space, group or image, in pages and form XObjects',
  check(doc, _bytes, reading) {
    return perPage(doc, this.id, (page) => {
      const found = new Set<string>();
      for (const content of reading.contentStreams(page)) {
        const { text, resources, owner } = content;
        for (const { operator, operands } of reading.operations(content)) {
          if (operator === 'rg' || operator === 'RG') found.add(`${operator} operator`);
          const space = nameText(text, operands.at(-1));
          if ((operator === 'cs' || operator === 'CS') && space && rgbSpaces.has(space)) found.add(`/${space} colour space`);
        }
        const group = dictOf(doc, owner.get(PDFName.of('Group')));
        const groupSpace = nameOf(doc, group?.get(PDFName.of('CS')));
        if (groupSpace && rgbSpaces.has(groupSpace)) found.add(`transparency group in /${groupSpace}`);
        for (const value of dictOf(doc, resources?.get(PDFName.of('ColorSpace')))?.values() ?? []) {
          const resolved = resolve(doc, value);
          const name = resolved instanceof PDFArray ? nameOf(doc, resolved.get(0)) : nameOf(doc, resolved);
          if (name && rgbSpaces.has(name)) found.add(`colour space resource /${name}`);
        }
        for (const value of dictOf(doc, resources?.get(PDFName.of('XObject')))?.values() ?? []) {
          const image = dictOf(doc, value);
          const name = nameOf(doc, image?.get(PDFName.of('ColorSpace')));
          if (nameOf(doc, image?.get(PDFName.of('Subtype'))) === 'Image' && name && rgbSpaces.has(name)) found.add(`image in /${name}`);
        }
      }
      return [...found].map((what) => `RGB colour: ${what}`);
    });
  },
};

const fonts: PreflightCheck = {
  id: 'pdfx-fonts',
  description: 'every font embedded, none of Type 3',
  check(doc) {
    return perPage(doc, this.id, (page) => fontProblems(doc, page, true));
  },
};

/** The XMP of a press file declares PDF/X-4 and agrees with the Info dictionary. */
const xmp: PreflightCheck = {
  id: 'pdfx-xmp',
  description: 'XMP declares PDF/X-4 (pdfxid:GTS_PDFXVersion) and agrees with the Info dictionary: title, dates, Trapped',
  check(doc) {
    const packet = xmpText(doc);
    if (packet === undefined) return [{ check: this.id, message: 'no XMP metadata stream in the catalog' }];
    const findings: Finding[] = [];
    const say = (message: string) => findings.push({ check: this.id, message });
    const declared = xmpProperty(packet, 'pdfxid:GTS_PDFXVersion');
    if (declared !== 'PDF/X-4') say(`XMP pdfxid:GTS_PDFXVersion is ${declared === undefined ? 'missing' : `'${declared}'`}; expected 'PDF/X-4'`);
    const info = infoDict(doc);
    const title = textOf(doc, info.get(PDFName.of('Title')));
    if (title !== undefined && xmpProperty(packet, 'dc:title') !== title) say(`XMP dc:title does not match the Info Title '${title}'`);
    for (const [key, property] of [['CreationDate', 'xmp:CreateDate'], ['ModDate', 'xmp:ModifyDate']] as const) {
      const infoDate = textOf(doc, info.get(PDFName.of(key)));
      const xmpDate = xmpProperty(packet, property);
      if (infoDate === undefined) say(`the Info dictionary has no ${key}`);
      else if (xmpDate === undefined || pdfDateTime(infoDate) !== Date.parse(xmpDate)) say(`XMP ${property} (${xmpDate ?? 'missing'}) does not match the Info ${key} (${infoDate})`);
    }
    const trapped = nameOf(doc, info.get(PDFName.of('Trapped')));
    if (trapped !== 'True' && trapped !== 'False') say('the Info dictionary has no Trapped (True or False)');
    else if (xmpProperty(packet, 'pdf:Trapped') !== trapped) say(`XMP pdf:Trapped does not match the Info Trapped (${trapped})`);
    for (const property of ['xmpMM:DocumentID', 'xmpMM:VersionID', 'xmpMM:RenditionClass']) {
      if (!xmpProperty(packet, property)) say(`XMP has no ${property}`);
    }
    return findings;
  },
};

const annotations: PreflightCheck = {
  id: 'pdfx-annotations',
  description: 'no annotation on the printed area (inside the BleedBox), other than printer marks and trap networks',
  check(doc) {
    return perPage(doc, this.id, (page) => {
      const messages: string[] = [];
      const area = rectOf(doc, page.node.get(PDFName.of('BleedBox'))) ?? rectOf(doc, inherited(page, 'MediaBox'));
      for (const value of page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? []) {
        const annot = dictOf(doc, value);
        const subtype = nameOf(doc, annot?.get(PDFName.of('Subtype'))) ?? 'unknown';
        if (subtype === 'PrinterMark' || subtype === 'TrapNet') continue;
        const rect = rectOf(doc, annot?.get(PDFName.of('Rect')));
        const inside = !rect || !area || (rect[0]! < area[2]! && rect[2]! > area[0]! && rect[1]! < area[3]! && rect[3]! > area[1]!);
        if (inside) messages.push(`a ${subtype} annotation on the printed area`);
      }
      return messages;
    });
  },
};

export const pressChecks: PreflightCheck[] = [version, boxes, outputIntent, colour, fonts, xmp, annotations];
