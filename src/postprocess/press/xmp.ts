import { createHash } from 'node:crypto';
import { PDFName, PDFNumber, PDFRawStream, type PDFDocument } from 'pdf-lib';
import type { PdfMetadata } from '../pdf-metadata.js';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** "2021-01-01T00:00:00Z": the XMP form of the date the Info dictionary holds. */
export function xmpDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A stable uuid for a document: the same profile keeps its DocumentID from render to render. */
function uuidOf(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  return `uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The XMP packet of a profile's PDF: Dublin Core title, author and subject and the PDF dates as the
 * Info dictionary has them (accessibility: dc:title), the PDF/UA-1 identification (pdfuaid:part, both
 * files), and for the press file the PDF/X-4 identification with its document and version ids and the
 * trapping state.
 */
export function xmpPacket(meta: PdfMetadata, press: boolean): string {
  const date = xmpDate(meta.date);
  const lines = [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    '  xmlns:dc="http://purl.org/dc/elements/1.1/"',
    '  xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    '  xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    '  xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"',
    '  xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"',
    ...(press ? ['  xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/"'] : []),
    `  xmp:CreateDate="${date}" xmp:ModifyDate="${date}" xmp:MetadataDate="${date}"`,
    `  xmp:CreatorTool="${escape(meta.creator)}" pdf:Keywords="${escape(meta.keywords.join(', '))}"`,
    '  pdfuaid:part="1"',
    ...(press
      ? [
          `  pdf:Trapped="False" pdfxid:GTS_PDFXVersion="PDF/X-4"`,
          `  xmpMM:DocumentID="${uuidOf(meta.title)}" xmpMM:VersionID="1" xmpMM:RenditionClass="default"`,
        ]
      : []),
    '  dc:format="application/pdf">',
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escape(meta.title)}</rdf:li></rdf:Alt></dc:title>`,
    `<dc:creator><rdf:Seq><rdf:li>${escape(meta.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escape(meta.subject)}</rdf:li></rdf:Alt></dc:description>`,
    `<dc:language><rdf:Bag><rdf:li>${escape(meta.lang)}</rdf:li></rdf:Bag></dc:language>`,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ];
  return lines.join('\n');
}

/** Puts the packet in the catalog as an uncompressed metadata stream, where any reader finds it. */
export function setXmp(doc: PDFDocument, packet: string): void {
  const bytes = Buffer.from(packet, 'utf8');
  const stream = PDFRawStream.of(doc.context.obj({ Type: 'Metadata', Subtype: 'XML', Length: PDFNumber.of(bytes.length) }), bytes);
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
}
