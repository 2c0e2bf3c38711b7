import type { Root } from 'nlcst';
import { toNlcst } from 'mdast-util-to-nlcst';
import { ParseEnglish } from 'parse-english';
import type { Profile } from '../profile/parse.js';

// One natural-language tree per parsed profile, shared by every prose rule; a re-parsed file
// (preview save) is a new Profile and so gets a new tree.
const trees = new WeakMap<Profile, Root>();

/**
 * The narrative as nlcst (paragraphs, sentences, words, white space), with positions in the
 * Markdown file. Code and tables are left out, as the mdast-to-nlcst bridge does.
 */
export function proseTree(profile: Profile): Root {
  let tree = trees.get(profile);
  if (!tree) {
    tree = toNlcst(profile.tree, profile.file, ParseEnglish);
    trees.set(profile, tree);
  }
  return tree;
}
