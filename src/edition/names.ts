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
