/**
 * Characters that are not text to show: controls (C0 but none spared, DEL, C1), bidirectional
 * controls (they reorder what follows), invisible format characters (zero-width space and joiners,
 * word joiner, invisible operators, byte-order mark, interlinear annotation), line and paragraph
 * separators, and surrogates without their pair. `\t`, `\n` and `\r` are matched too: callers that
 * allow them in text skip them.
 */
// eslint-disable-next-line no-control-regex
export const unprintableSource = '[\\u0000-\\u001F\\u007F-\\u009F\\u061C\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';

const unprintable = new RegExp(unprintableSource, 'g');

const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text as a terminal, a log or a CI annotation may show it: each unprintable character written as
 * an escape (`\n`, `\u202E`), so that a file name with a line break cannot start a line of its
 * own (a forged `::error`), and one with U+202E cannot turn the rest of the line around.
 */
export function escapeUnprintable(text: string): string {
  return text.replace(unprintable, (character) => named[character] ?? `\\u${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

// Every unprintable character JSON.stringify leaves as it is (it escapes C0 and lone surrogates itself).
const rawInJson = /[\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]/g;

/** JSON.stringify, with bidirectional and other invisible characters written as \u escapes: the same data, safe to print. */
export function printableJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(rawInJson, (character) => `\\u${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}
