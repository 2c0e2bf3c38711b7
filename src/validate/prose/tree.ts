import type { Parents, Root, Sentence, WhiteSpace, Word } from 'nlcst';
import { toNlcst } from 'mdast-util-to-nlcst';
import { ParseEnglish } from 'parse-english';
import type { Profile } from '../../profile/parse.js';
import { batches } from './blocks.js';

/** A narrative's natural-language tree with its nodes listed by kind, walked once for every rule. */
export interface ProseTree {
  root: Root;
  words: { node: Word; parent: Parents; index: number }[];
  whiteSpace: WhiteSpace[];
  sentences: Sentence[];
}

function index(root: Root): ProseTree {
  const tree: ProseTree = { root, words: [], whiteSpace: [], sentences: [] };
  const walk = (parent: Parents) => {
    parent.children.forEach((node, position) => {
      if (node.type === 'WordNode') tree.words.push({ node, parent, index: position });
      else if (node.type === 'WhiteSpaceNode') tree.whiteSpace.push(node);
      else if (node.type === 'SentenceNode') tree.sentences.push(node);
      if ('children' in node && node.type !== 'WordNode') walk(node);
    });
  };
  walk(root);
  return tree;
}

/** The narrative as one nlcst root, made batch by batch (blocks.ts) so that no paragraph is too large for the bridge. */
function naturalLanguage(profile: Profile): Root {
  const roots = batches(profile.tree, profile.file).map((batch) => toNlcst(batch, profile.file, ParseEnglish));
  if (roots.length === 1) return roots[0] as Root;
  const children: Root['children'] = [];
  for (const root of roots) {
    // Batches are separate paragraphs, as blocks on lines of their own are.
    if (children.length > 0) children.push({ type: 'WhiteSpaceNode', value: '\n\n' });
    for (const child of root.children) children.push(child);
  }
  return { type: 'RootNode', children, ...(roots[0]?.position ? { position: roots[0].position } : {}) };
}

// The prose rules run one after the other on the same profile, so the last profile's tree is
// kept for the next rule. Only one: a natural-language tree has some 30,000 objects, and
// keeping one per profile made the garbage collector the largest cost on a large corpus.
let last: { profile: Profile; tree: ProseTree } | undefined;

/**
 * The narrative as nlcst (paragraphs, sentences, words, white space), with positions in the
 * Markdown file. Code and tables are left out, as the mdast-to-nlcst bridge does.
 */
export function proseTree(profile: Profile): ProseTree {
  if (last?.profile !== profile) last = { profile, tree: index(naturalLanguage(profile)) };
  return last.tree;
}
