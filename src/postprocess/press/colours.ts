import { readInputSync } from '../../read/bounded.js';
import { parse } from 'yaml';
import { InputError, firstLine } from '../../errors.js';
import { packagePath } from '../../package/paths.js';
import { compileSchema } from '../../package/schemas.js';

/** The press colour of each screen colour of the template: "#a8322d" -> "0 .93 .83 .36". */
export type ColourTable = ReadonlyMap<string, string>;

interface ColourFile {
  colours: Record<string, { rgb: string; cmyk: [number, number, number, number] }>;
}

export const defaultColourFile = packagePath('templates', 'colours.yaml');

/** A colour the PDF paints that the table does not declare: a template error, not a profile's. */
export class UndeclaredColourError extends Error {
  constructor(readonly colours: string[]) {
    super(`colour${colours.length > 1 ? 's' : ''} ${colours.join(', ')} not declared in templates/colours.yaml: give ${colours.length > 1 ? 'each' : 'it'} a CMYK value there`);
  }
}

/** Whole percent to a PDF operand: 93 -> ".93", 100 -> "1", 0 -> "0" (exact: a whole number over 100). */
function operand(percent: number): string {
  if (percent === 100) return '1';
  if (percent === 0) return '0';
  return `.${String(percent).padStart(2, '0')}`.replace(/0$/, '');
}

/** Reads and checks a colour table (schemas/colours.schema.json); a mistake names the file and key. */
export function loadColourTable(file = defaultColourFile): ColourTable {
  let data: unknown;
  try {
    data = parse(readInputSync(file, { shown: file, what: 'a colour table' }).toString('utf8'));
  } catch (error) {
    throw new InputError(`${file}: ${firstLine(error)}`);
  }
  const check = compileSchema<ColourFile>('colours.schema.json');
  if (!check(data)) {
    const first = check.errors?.[0];
    throw new InputError(`${file}: ${first?.instancePath.slice(1).replaceAll('/', '.') || 'the file'} ${first?.message ?? 'is not a colour table'}`);
  }
  const table = new Map<string, string>();
  for (const [name, { rgb, cmyk }] of Object.entries(data.colours)) {
    const key = rgb.toLowerCase();
    if (table.has(key)) throw new InputError(`${file}: colours.${name}: ${key} is declared twice`);
    table.set(key, cmyk.map(operand).join(' '));
  }
  return table;
}

/** "0.6588 .1961 .1765" as Chromium writes it (4 decimals) -> "#a8322d". */
export function hexOf(components: string[]): string {
  return `#${components.map((c) => Math.round(Number(c) * 255).toString(16).padStart(2, '0')).join('')}`;
}
