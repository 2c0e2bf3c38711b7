// Narrative diff: the word diff is bounded (maxWordEdits), so two 200 KB narratives that differ
// throughout cost about as much as two that are the same. Target: well under a second.
import { readFileSync } from 'node:fs';
import { changedShare } from '../lib/diff/narrative.js';
import { medians } from './validate.js';

const seed = readFileSync('content/goci-2021/azerbaijan.md', 'utf8');
const words = seed.slice(seed.indexOf('\n---', 4) + 5).split(/\s+/).filter(Boolean);

/** About 200 KB of the seed's words in an order of its own. */
function narrative(seedNumber) {
  const text = [];
  let x = seedNumber;
  for (let length = 0; length < 200_000; length += text.at(-1).length + 1) text.push(words[(x = (x * 1103515245 + 12345) % 2147483648) % words.length]);
  return text;
}

export async function benchDiff() {
  const [a, b] = [narrative(1), narrative(2)];
  const edited = [...a];
  edited.splice(1000, 20, 'changed');
  const [same, few, rewritten] = await medians([() => changedShare(a, a), () => changedShare(a, edited), () => changedShare(a, b)]);
  console.log(`\nnarrative diff of two 200 KB narratives, ${a.length} words (target: well under 1 s)`);
  console.log(`  the same narrative         ${same.toFixed(0).padStart(6)} ms`);
  console.log(`  20 words changed           ${few.toFixed(0).padStart(6)} ms  ${(few / same).toFixed(1)}x the same`);
  console.log(`  rewritten throughout       ${rewritten.toFixed(0).padStart(6)} ms  ${(rewritten / same).toFixed(1)}x the same`);
}
