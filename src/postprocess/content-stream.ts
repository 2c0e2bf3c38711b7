/**
 * A tokenizer of PDF content streams (ISO 32000-1, 7.2 and 8.9.7): enough to find operators and their
 * operands without being fooled by the bytes of strings, comments or inline images. The stream is read
 * as latin1 text, one character per byte, so offsets are byte offsets. It runs over every content
 * stream of every press file, twice (press step and preflight): it scans character codes against a
 * class table and allocates only the operands it reports.
 */

export interface Operand {
  kind: 'number' | 'name' | 'string' | 'delimiter' | 'keyword';
  start: number;
  end: number;
}

/** An operator with the tokens since the previous operator (dictionary and array tokens included). */
export interface Operation {
  operator: string;
  start: number;
  end: number;
  operands: readonly Operand[];
}

const regular = 0;
const space = 1;
const delimiter = 2;
const classes = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) classes[c] = space;
for (const c of '()<>[]{}/%') classes[c.charCodeAt(0)] = delimiter;

const isSpace = (code: number) => classes[code] === space;
/** Frozen: shared by every operator without operands, it must never grow. */
const noOperands = Object.freeze([]) as unknown as Operand[];
const numberPattern = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/** A word of up to three characters as a number, a character code a byte. */
const wordKey = (text: string, start: number, end: number) => {
  let key = 0;
  for (let at = start; at < end; at += 1) key = key * 256 + (text.charCodeAt(at) & 0xff);
  return key;
};
/**
 * The operators of ISO 32000-1 (Annex A), by their word keys: an operator read is one of these
 * strings, not a new one for each of the thousands a page has.
 */
const operatorNames = new Map(
  ['b', 'B', 'b*', 'B*', 'BDC', 'BI', 'BMC', 'BT', 'BX', 'c', 'cm', 'CS', 'cs', 'd', 'd0', 'd1', 'Do', 'DP', 'EI', 'EMC', 'ET', 'EX', 'f', 'F', 'f*', 'G', 'g', 'gs', 'h', 'i', 'ID', 'j', 'J', 'K', 'k', 'l', 'm', 'M', 'MP', 'n', 'q', 'Q', 're', 'RG', 'rg', 'ri', 's', 'S', 'SC', 'sc', 'SCN', 'scn', 'sh', 'T*', 'Tc', 'Td', 'TD', 'Tf', 'Tj', 'TJ', 'TL', 'Tm', 'Tr', 'Ts', 'Tw', 'Tz', 'v', 'w', 'W', 'W*', 'y', "'", '"'].map(
    (name) => [wordKey(name, 0, name.length), name] as const,
  ),
);

/** The end of a literal string starting at `start` ("("): parentheses nest, a backslash escapes. */
function literalStringEnd(text: string, start: number): number {
  let depth = 0;
  for (let at = start; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (code === 0x5c) at += 1;
    else if (code === 0x28) depth += 1;
    else if (code === 0x29 && --depth === 0) return at + 1;
  }
  return text.length;
}

/** Inline image data runs from one byte after ID to an EI standing alone between white space. */
function inlineImageEnd(text: string, idEnd: number): number {
  for (let at = text.indexOf('EI', idEnd + 1); at >= 0; at = text.indexOf('EI', at + 1)) {
    if (isSpace(text.charCodeAt(at - 1)) && (at + 2 >= text.length || isSpace(text.charCodeAt(at + 2)))) return at;
  }
  return text.length;
}

/**
 * Calls `visit` for each operator of a content stream, in order, with its operands; without
 * `withOperands`, with none (a reader of operators alone allocates nothing for their operands); with
 * 'not numbers', with all but numbers (a reader of strings and names: most operands are numbers).
 * A visitor that returns an offset past the operator has the reading go on from there (it has read
 * what lies between in its own way).
 */
export function forEachOperation(text: string, visit: (operation: Operation) => void | number, wanted: boolean | 'not numbers' = true): void {
  const withOperands = wanted !== false;
  const withNumbers = wanted === true;
  // An operator without operands (most, when numbers are left out) shares one empty list.
  let operands: Operand[] = noOperands;
  const add = (operand: Operand) => {
    if (operands === noOperands) operands = [];
    operands.push(operand);
  };
  const length = text.length;
  let at = 0;
  while (at < length) {
    const code = text.charCodeAt(at);
    const kind = code < 256 ? classes[code] : regular;
    const start = at;
    if (kind === space) {
      at += 1;
    } else if (code === 0x25 /* % */) {
      while (at < length && text.charCodeAt(at) !== 10 && text.charCodeAt(at) !== 13) at += 1;
    } else if (code === 0x28 /* ( */) {
      at = literalStringEnd(text, at);
      if (withOperands) add({ kind: 'string', start, end: at });
    } else if (code === 0x3c /* < */ && text.charCodeAt(at + 1) !== 0x3c) {
      at = text.indexOf('>', at) + 1 || length;
      if (withOperands) add({ kind: 'string', start, end: at });
    } else if ((code === 0x3c || code === 0x3e) && text.charCodeAt(at + 1) === code) {
      at += 2;
      if (withOperands) add({ kind: 'delimiter', start, end: at });
    } else if (code === 0x2f /* / */) {
      at += 1;
      while (at < length && classes[text.charCodeAt(at) & 0xff] === regular) at += 1;
      if (withOperands) add({ kind: 'name', start, end: at });
    } else if (kind === delimiter) {
      at += 1;
      if (withOperands) add({ kind: 'delimiter', start, end: at });
    } else {
      while (at < length && classes[text.charCodeAt(at) & 0xff] === regular) at += 1;
      const first = code;
      // Numbers start with a digit, a sign or a point; true, false and null are operands too.
      if ((first >= 0x30 && first <= 0x39) || first === 0x2b || first === 0x2d || first === 0x2e) {
        if (withNumbers) add({ kind: 'number', start, end: at });
      } else {
        const word = (at - start <= 3 ? operatorNames.get(wordKey(text, start, at)) : undefined) ?? text.slice(start, at);
        if (word === 'true' || word === 'false' || word === 'null') {
          if (withOperands) add({ kind: 'keyword', start, end: at });
        } else {
          const resume = visit({ operator: word, start, end: at, operands });
          operands = noOperands;
          if (word === 'ID') at = inlineImageEnd(text, at);
          else if (typeof resume === 'number' && resume > at) at = resume;
        }
      }
    }
  }
}

/** The operations of a content stream, as a list. */
export function operations(text: string): Operation[] {
  const found: Operation[] = [];
  forEachOperation(text, (operation) => found.push(operation));
  return found;
}

/** The text of a number operand, checked: "0.5" -> "0.5"; a malformed one (1.2.3) -> undefined. */
export function numberText(text: string, operand: Operand): string | undefined {
  const value = text.slice(operand.start, operand.end);
  return operand.kind === 'number' && numberPattern.test(value) ? value : undefined;
}

/** The name of a name operand without its slash: "/DeviceRGB" -> "DeviceRGB". */
export function nameText(text: string, operand: Operand | undefined): string | undefined {
  return operand?.kind === 'name' ? text.slice(operand.start + 1, operand.end) : undefined;
}
