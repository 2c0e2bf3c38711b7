/**
 * A tokenizer of PDF content streams (ISO 32000-1, 7.2 and 8.9.7): enough to find operators and their
 * operands without being fooled by the bytes of strings, comments or inline images. Bytes are read as
 * latin1, one character per byte, so offsets are byte offsets.
 */

export type Token =
  | { kind: 'number'; text: string; start: number; end: number }
  | { kind: 'name'; text: string; start: number; end: number }
  | { kind: 'string'; start: number; end: number }
  | { kind: 'delimiter'; text: string; start: number; end: number }
  | { kind: 'operator'; text: string; start: number; end: number };

const whitespace = new Set(['\0', '\t', '\n', '\f', '\r', ' ']);
const delimiters = new Set(['(', ')', '<', '>', '[', ']', '{', '}', '/', '%']);
const numberPattern = /^[+-]?(\d+\.?\d*|\.\d+)$/;

function isRegular(char: string | undefined): boolean {
  return char !== undefined && !whitespace.has(char) && !delimiters.has(char);
}

/** The end of a literal string starting at `start` ("("): parentheses nest, a backslash escapes. */
function literalStringEnd(text: string, start: number): number {
  let depth = 0;
  for (let at = start; at < text.length; at += 1) {
    const char = text[at];
    if (char === '\\') at += 1;
    else if (char === '(') depth += 1;
    else if (char === ')' && --depth === 0) return at + 1;
  }
  return text.length;
}

/**
 * Inline image data runs from one whitespace byte after ID to an EI that stands alone between
 * whitespace: the data is binary and may hold anything else.
 */
function inlineImageEnd(text: string, idEnd: number): number {
  for (let at = text.indexOf('EI', idEnd + 1); at >= 0; at = text.indexOf('EI', at + 1)) {
    if (whitespace.has(text[at - 1] ?? '') && (at + 2 >= text.length || whitespace.has(text[at + 2] ?? ''))) return at;
  }
  return text.length;
}

/** Every token of a content stream, in order. The data of an inline image is skipped. */
export function* tokens(text: string): Generator<Token> {
  let at = 0;
  while (at < text.length) {
    const char = text[at] as string;
    const start = at;
    if (whitespace.has(char)) {
      at += 1;
    } else if (char === '%') {
      while (at < text.length && text[at] !== '\n' && text[at] !== '\r') at += 1;
    } else if (char === '(') {
      at = literalStringEnd(text, at);
      yield { kind: 'string', start, end: at };
    } else if (char === '<' && text[at + 1] !== '<') {
      at = text.indexOf('>', at) + 1 || text.length;
      yield { kind: 'string', start, end: at };
    } else if ((char === '<' || char === '>') && text[at + 1] === char) {
      at += 2;
      yield { kind: 'delimiter', text: char + char, start, end: at };
    } else if (char === '/') {
      at += 1;
      while (isRegular(text[at])) at += 1;
      yield { kind: 'name', text: text.slice(start + 1, at), start, end: at };
    } else if (delimiters.has(char)) {
      at += 1;
      yield { kind: 'delimiter', text: char, start, end: at };
    } else {
      while (isRegular(text[at])) at += 1;
      const word = text.slice(start, at);
      if (numberPattern.test(word)) {
        yield { kind: 'number', text: word, start, end: at };
      } else {
        yield { kind: 'operator', text: word, start, end: at };
        if (word === 'ID') at = inlineImageEnd(text, at);
      }
    }
  }
}

/** An operator with the tokens since the previous operator: its operands. */
export interface Operation {
  operator: Extract<Token, { kind: 'operator' }>;
  operands: Token[];
}

/** The operations of a content stream (the tokens of dictionaries and arrays count as operands). */
export function* operations(text: string): Generator<Operation> {
  let operands: Token[] = [];
  for (const token of tokens(text)) {
    if (token.kind === 'operator') {
      yield { operator: token, operands };
      operands = [];
    } else operands.push(token);
  }
}
