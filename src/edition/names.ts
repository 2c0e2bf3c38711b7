/** Field key of an index label: "Non-renewable resource crimes" -> "non_renewable_resource_crimes". */
export function keyOfLabel(label: string): string {
  return asciiWords(label).join('_');
}

/** File name of a country: "Côte d'Ivoire" -> "cote-d-ivoire", "Korea, DPR" -> "korea-dpr". */
export function slugOfCountry(name: string): string {
  return asciiWords(name).join('-');
}

function asciiWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

// Characters that do not show: zero-width space and joiners, direction marks, word joiner, soft hyphen, byte-order mark.
const invisible = /[\u00AD\u200B-\u200F\u2060\uFEFF]/g;

/**
 * Why a name that is not among `names` looks as if it were: its accents are decomposed (NFD) or it
 * holds an invisible character; undefined if it differs otherwise. A did-you-mean naming a country
 * that looks the same as what was written would not help.
 */
export function invisiblyDifferent(name: string, names: Iterable<string>): { name: string; reason: string } | undefined {
  const cleaned = name.normalize('NFC').replace(invisible, '');
  if (cleaned === name) return undefined;
  const match = [...names].find((candidate) => candidate === cleaned);
  if (match === undefined) return undefined;
  const hidden = name.match(invisible)?.[0];
  const reason = hidden
    ? `it holds the invisible character U+${(hidden.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`
    : 'its accents are separate characters (Unicode NFD)';
  return { name: match, reason };
}
