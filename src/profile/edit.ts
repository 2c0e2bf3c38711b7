import { isScalar, Scalar } from 'yaml';
import type { Profile } from './parse.js';

/** A new value for a front-matter field, as YAML text ("5.08", "83"). */
export interface FieldChange {
  path: string[];
  text: string;
}

/** A YAML number that prints as the text gives it ("6.00" keeps its zeros). */
export function scalarFor(text: string): Scalar {
  const scalar = new Scalar(Number(text));
  const dot = text.indexOf('.');
  if (dot !== -1) scalar.minFractionDigits = text.length - dot - 1;
  return scalar;
}

/**
 * The profile's text with the fields changed. Existing values are replaced where the YAML
 * document says they stand, so every other byte (comments, order, layout, narrative) stays;
 * a missing field is added through the document model.
 */
export function withFields(profile: Profile, changes: FieldChange[]): string {
  const { doc, text, frontMatter } = profile;
  const located = changes.map((change) => ({ change, node: doc.getIn(change.path, true) }));
  if (located.every(({ node }) => isScalar(node) && node.range)) {
    let result = text;
    const spans = located.map(({ change, node }) => ({ range: (node as Scalar).range as [number, number, number], text: change.text }));
    for (const { range, text: value } of spans.sort((a, b) => b.range[0] - a.range[0])) {
      result = result.slice(0, frontMatter.start + range[0]) + value + result.slice(frontMatter.start + range[1]);
    }
    return result;
  }
  const copy = doc.clone();
  for (const { path, text: value } of changes) copy.setIn(path, scalarFor(value));
  const yaml = copy.toString({ lineWidth: 0 }).replace(/\n/g, profile.eol);
  return text.slice(0, frontMatter.start) + yaml + text.slice(frontMatter.end);
}
