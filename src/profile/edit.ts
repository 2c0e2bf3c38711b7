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
      const at = frontMatter.start + range[0];
      // An empty value (`score:`) stands right after its colon: "score:5.08" would be one plain scalar.
      const gap = result[at - 1] === ':' ? ' ' : '';
      // An empty value's range may cover the blank before a closing brace: keep that blank.
      const end = result.slice(at, frontMatter.start + range[1]).trim() === '' ? at : frontMatter.start + range[1];
      // Likewise the last value of a flow mapping, `{ …, region: }`: keep the brace's padding.
      const pad = result[at - 1] === ' ' && /^[}\]]/.test(result.slice(end)) ? ' ' : '';
      result = result.slice(0, at) + gap + value + pad + result.slice(end);
    }
    return result;
  }
  const copy = doc.clone();
  for (const { path, text: value } of changes) copy.setIn(path, scalarFor(value));
  const yaml = copy.toString({ lineWidth: 0 }).replace(/\n/g, profile.eol);
  return text.slice(0, frontMatter.start) + yaml + text.slice(frontMatter.end);
}
