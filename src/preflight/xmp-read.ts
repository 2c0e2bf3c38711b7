/**
 * Reads simple properties of an XMP packet, written either as attributes of rdf:Description
 * (`xmp:CreateDate="…"`) or as elements (`<dc:title><rdf:Alt><rdf:li>…</rdf:li></rdf:Alt></dc:title>`).
 * Enough for the preflight's comparisons with the Info dictionary; not a general RDF parser.
 */

const unescape = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function xmpProperty(packet: string, name: string): string | undefined {
  const key = escapeRegExp(name);
  const attribute = new RegExp(`\\s${key}\\s*=\\s*"([^"]*)"`).exec(packet) ?? new RegExp(`\\s${key}\\s*=\\s*'([^']*)'`).exec(packet);
  if (attribute) return unescape(attribute[1] as string);
  const element = new RegExp(`<${key}(?:\\s[^>]*)?>([\\s\\S]*?)</${key}>`).exec(packet);
  if (!element) return undefined;
  const inner = element[1] as string;
  const item = /<rdf:li(?:\s[^>]*)?>([\s\S]*?)<\/rdf:li>/.exec(inner);
  return unescape((item ? item[1] : inner) as string).trim();
}

/** "D:20210101000000Z", "D:20210101000000+01'00'" -> milliseconds since 1970, or undefined. */
export function pdfDateTime(text: string): number | undefined {
  const match = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|([+-])(\d{2})'?(\d{2})?'?)?$/.exec(text);
  if (!match) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', , sign, oh = '00', om = '00'] = match;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const offset = sign ? (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60_000 : 0;
  return utc - offset;
}
