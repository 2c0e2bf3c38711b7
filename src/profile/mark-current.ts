import { isMap, YAMLMap } from 'yaml';
import type { Profile } from './parse.js';

/**
 * The translation's text with `translated:` set to the given section fingerprints, through the
 * YAML document model: comments and the other fields stay; the narrative is untouched.
 */
export function withTranslated(profile: Profile, fingerprints: Map<string, string>): string {
  const doc = profile.doc.clone();
  const map = new YAMLMap();
  for (const [key, value] of fingerprints) map.set(key, value);
  const existing = doc.get('translated', true);
  if (isMap(existing)) existing.items = map.items;
  else doc.set('translated', map);
  const yaml = doc.toString({ lineWidth: 0 }).replace(/\n/g, profile.eol);
  return profile.text.slice(0, profile.frontMatter.start) + yaml + profile.text.slice(profile.frontMatter.end);
}
