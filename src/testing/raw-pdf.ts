import { inflateSync } from 'node:zlib';

/**
 * A reader of the PDFs the toolkit writes (a classic xref table, no object streams) that does not use
 * pdf-lib, the toolkit's writer: objects by number from the xref offsets, dictionaries as text (looked
 * up with regular expressions), streams inflated with zlib. Enough for tests; not a general parser.
 */
export interface RawObject {
  dict: string;
  stream?: Buffer;
}

export class RawPdf {
  readonly objects = new Map<number, RawObject>();
  readonly header: string;
  readonly trailer: string;

  constructor(readonly bytes: Buffer) {
    const text = bytes.toString('latin1');
    this.header = text.slice(0, text.indexOf('\n'));
    const xrefAt = Number(/startxref\s+(\d+)/.exec(text.slice(-64))?.[1]);
    const xref = text.slice(xrefAt, text.indexOf('trailer', xrefAt));
    this.trailer = text.slice(text.indexOf('trailer', xrefAt), text.lastIndexOf('startxref'));
    const lines = xref.split('\n');
    let number = 0;
    for (const line of lines.slice(1)) {
      const section = /^(\d+) (\d+)\s*$/.exec(line);
      if (section) {
        number = Number(section[1]);
        continue;
      }
      const entry = /^(\d{10}) (\d{5}) ([nf])/.exec(line);
      if (!entry) continue;
      if (entry[3] === 'n') this.objects.set(number, this.readObject(text, Number(entry[1])));
      number += 1;
    }
  }

  private readObject(text: string, offset: number): RawObject {
    const bodyStart = text.indexOf('obj', offset) + 3;
    const streamAt = text.indexOf('stream', bodyStart);
    const endAt = text.indexOf('endobj', bodyStart);
    if (streamAt < 0 || streamAt > endAt) return { dict: text.slice(bodyStart, endAt).trim() };
    const dict = text.slice(bodyStart, streamAt).trim();
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
    const dataStart = streamAt + 'stream'.length + (text[streamAt + 6] === '\r' ? 2 : 1);
    const raw = this.bytes.subarray(dataStart, dataStart + length);
    return { dict, stream: /\/Filter \/FlateDecode/.test(dict) ? inflateSync(raw) : Buffer.from(raw) };
  }

  get(ref: string | number): RawObject {
    const number = typeof ref === 'number' ? ref : Number(/(\d+) 0 R/.exec(ref)?.[1]);
    const object = this.objects.get(number);
    if (!object) throw new Error(`no object ${ref}`);
    return object;
  }

  /** Objects whose dictionary matches. */
  find(pattern: RegExp): RawObject[] {
    return [...this.objects.values()].filter((o) => pattern.test(o.dict));
  }

  /** The page dictionaries, in page order (the Kids of the root Pages). */
  pages(): RawObject[] {
    const catalog = this.find(/\/Type \/Catalog/)[0]!;
    const pages = this.get(/\/Pages (\d+ 0 R)/.exec(catalog.dict)![1]!);
    return [...(/\/Kids \[([^\]]*)\]/.exec(pages.dict)![1]!.matchAll(/(\d+) 0 R/g))].map((m) => this.get(Number(m[1])));
  }

  catalog(): RawObject {
    return this.find(/\/Type \/Catalog/)[0]!;
  }

  info(): RawObject {
    return this.get(/\/Info (\d+ 0 R)/.exec(this.trailer)![1]!);
  }
}

/** A box of a page dictionary: [x0, y0, x1, y1], or undefined. */
export function box(dict: string, name: string): number[] | undefined {
  const match = new RegExp(`/${name} \\[\\s*([^\\]]*)\\]`).exec(dict);
  return match?.[1]?.trim().split(/\s+/).map(Number);
}
