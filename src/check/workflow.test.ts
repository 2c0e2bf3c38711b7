import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseShard } from '../read/shard.js';
import { projectRoot } from '../testing/support.js';

interface Step {
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  if: string;
  strategy?: { matrix: { shard: number[] } };
  steps: Step[];
}

const browserCache = { path: '~/.cache/ocindex-profiles', key: "ocindex-browser-${{ runner.os }}-${{ hashFiles('package-lock.json') }}" };

describe('the profiles workflow', async () => {
  const workflow = parse(await readFile(join(projectRoot, '.github/workflows/profiles.yml'), 'utf8')) as { on: Record<string, unknown>; jobs: Record<string, Job> };
  const { gate, render } = workflow.jobs as { gate: Job; render: Job };
  const runs = (job: Job) => job.steps.map((s) => s.run).filter(Boolean);

  it('gates pull requests: check on the changed profiles with annotations, their PDFs as an artifact', () => {
    expect(Object.keys(workflow.on)).toEqual(['pull_request', 'push']);
    expect(gate.if).toBe("github.event_name == 'pull_request'");
    expect(gate.steps[0]).toMatchObject({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
    expect(runs(gate)).toEqual([
      'npm ci',
      'node bin/ocindex.js check --changed origin/${{ github.base_ref }} --format github',
      'node bin/ocindex.js render --changed origin/${{ github.base_ref }} --out pull-request',
    ]);
    expect(gate.steps.at(-1)).toMatchObject({ uses: 'actions/upload-artifact@v4', with: { path: 'pull-request/' } });
    expect(gate.steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with).toEqual({ 'node-version': 20, cache: 'npm' });
  });

  it('caches what the toolkit unpacks (the pinned browser), keyed on the lockfile, in every job', () => {
    for (const job of [gate, render]) expect(job.steps.find((s) => s.uses === 'actions/cache@v4')?.with).toEqual(browserCache);
  });

  it('renders main in a matrix of shards that together cover every profile once', () => {
    expect(render.if).toContain("github.ref == 'refs/heads/main'");
    const shards = render.strategy?.matrix.shard ?? [];
    expect(runs(render)).toEqual(['npm ci', 'node bin/ocindex.js validate --format github', `node bin/ocindex.js render --shard \${{ matrix.shard }}/${shards.length}`]);
    // Every i/n of the matrix is a shard the command accepts, and they are 1..n.
    expect(shards.map((i) => parseShard(`${i}/${shards.length}`).index)).toEqual(shards.map((_, n) => n + 1));
    expect(render.steps.at(-1)).toMatchObject({ uses: 'actions/upload-artifact@v4', with: { name: 'profiles-${{ matrix.shard }}', path: 'dist/' } });
  });
});
