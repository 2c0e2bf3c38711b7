// Prose benchmark: the prose rules (spelling, house style) on a corpus of 193 full narratives,
// made from the bundled Azerbaijan 2021 narrative (every goci-2021 profile gets it), measured as
// the extra time over validation without them in the same run; 96, 193 and 386 narratives to
// show the extra grows linearly; the one-off cost of building the house dictionary; and the
// preview's save-to-update time with the prose rules on and off.
import { once } from 'node:events';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEditions } from '../lib/edition/load.js';
import { collectProfiles, readSources } from '../lib/read/collect.js';
import { houseStyle } from '../lib/validate/prose/style.js';
import { lexicon } from '../lib/validate/prose/lexicon.js';
import { projectWords } from '../lib/validate/prose/project-words.js';
import { startPreview } from '../lib/preview/server.js';
import { rules } from '../lib/validate/rules/index.js';
import { validateSources } from '../lib/validate/validate.js';
import { medians } from './validate.js';

const proseRuleIds = new Set(['spelling', 'repeated-words', 'doubled-spaces', 'quotes', 'range-dash', 'percentage', 'sentence-length']);
const withoutProse = rules.filter((rule) => !proseRuleIds.has(rule.id));
const editions = loadEditions();
const prose = { words: await projectWords(['content']), atFinal: 'warning' };

/** Every profile of the given editions, each with the Azerbaijan 2021 narrative after its front-matter. */
async function narrativeCorpus(editionIds) {
  const azerbaijan = readFileSync('content/goci-2021/azerbaijan.md', 'utf8');
  const narrative = azerbaijan.slice(azerbaijan.indexOf('\n---\n') + 5);
  const sources = await readSources(await collectProfiles(editionIds.map((id) => `content/${id}`)));
  // One narrative a country: a translation (content/goci-2021/fr/) would be an English narrative in a French profile.
  const originals = sources.filter(({ bytes }) => !/^translates:/m.test(Buffer.from(bytes).toString('utf8')));
  return originals.map(({ path, bytes }) => {
    const text = Buffer.from(bytes).toString('utf8');
    return { path, bytes: Buffer.from(path.endsWith('goci-2021/azerbaijan.md') ? text : `${text.trimEnd()}\n${narrative}`) };
  });
}

function check(sources, ruleList) {
  const { files } = validateSources(sources, editions, {}, ruleList, { prose });
  const prosy = files.flatMap((f) => f.messages).filter((m) => proseRuleIds.has(m.ruleId));
  if (prosy.length > 0) throw new Error(`prose: ${prosy.length} messages, e.g. ${prosy[0].reason}`);
}

/** The time from a file's save to the preview's update, median of several saves. */
async function previewLatency(settings) {
  const folder = mkdtempSync(join(tmpdir(), 'ocindex-bench-'));
  try {
    cpSync('content', folder, { recursive: true });
    let resolveUpdate;
    const preview = await startPreview({ content: folder, port: 0, rules: settings, prose, onUpdate: () => resolveUpdate?.() });
    try {
      const path = join(folder, 'goci-2021', 'azerbaijan.md');
      const original = readFileSync(path, 'utf8');
      const times = [];
      for (let i = 0; i < 7; i += 1) {
        const updated = new Promise((resolve) => (resolveUpdate = resolve));
        const start = performance.now();
        writeFileSync(path, original.replace('Human trafficking in Azerbaijan', `Human trafficking (save ${i}) in Azerbaijan`));
        await updated;
        times.push(performance.now() - start);
        await new Promise((resolve) => setTimeout(resolve, 120)); // past chokidar's 50 ms throttle
      }
      return times.sort((a, b) => a - b)[3];
    } finally {
      await preview.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export async function benchProse() {
  const started = performance.now();
  lexicon(houseStyle('en').spelling, editions.get('goci-2021'), prose.words).check('organized');
  const dictionaryMs = performance.now() - started;

  const full = await narrativeCorpus(['goci-2021']);
  const half = full.slice(0, Math.floor(full.length / 2));
  const both = await narrativeCorpus(['goci-2021', 'goci-2023']);
  const [fullOff, fullOn, halfOff, halfOn, bothOff, bothOn] = await medians([
    () => check(full, withoutProse),
    () => check(full, rules),
    () => check(half, withoutProse),
    () => check(half, rules),
    () => check(both, withoutProse),
    () => check(both, rules),
  ]);
  const extra = (on, off) => on - off;
  console.log('prose rules (target: <= 2 s extra for 193 narratives, linear)');
  console.log(`  house dictionary built once per process (nspell, dictionary-en-gb + dictionary-en): ${dictionaryMs.toFixed(0)} ms`);
  console.log(`  ${full.length} profiles with the full Azerbaijan narrative: ${fullOff.toFixed(0)} ms without prose rules, ${fullOn.toFixed(0)} ms with them: +${extra(fullOn, fullOff).toFixed(0)} ms (${((extra(fullOn, fullOff) / full.length)).toFixed(1)} ms/narrative)`);
  const perNarrative = (on, off, n) => `${n}: +${extra(on, off).toFixed(0)} ms (${(extra(on, off) / n).toFixed(1)} ms each)`;
  console.log(`  linear: the extra per narrative for ${perNarrative(halfOn, halfOff, half.length)}, ${perNarrative(fullOn, fullOff, full.length)}, ${perNarrative(bothOn, bothOff, both.length)}; ${(extra(bothOn, bothOff) / extra(fullOn, fullOff)).toFixed(2)}x the extra for 2x the narratives`);
  const offSettings = Object.fromEntries([...proseRuleIds].map((id) => [id, 'off']));
  const latencyOn = await previewLatency({});
  const latencyOff = await previewLatency(offSettings);
  const bundled = readdirSync('content', { recursive: true }).filter((name) => name.endsWith('.md')).length;
  console.log(`  preview, ${bundled} bundled profiles, save to update of azerbaijan.md: ${latencyOn.toFixed(0)} ms with prose rules, ${latencyOff.toFixed(0)} ms without (target < 500 ms)`);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchProse();
