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
  if?: string;
  strategy?: { matrix: { shard?: number[]; node?: number[] } };
  steps: Step[];
}

const browserCache = { path: '~/.cache/ocindex-profiles', key: "ocindex-browser-${{ runner.os }}-${{ hashFiles('package-lock.json') }}" };

describe('the profiles workflow', async () => {
  const workflow = parse(await readFile(join(projectRoot, '.github/workflows/profiles.yml'), 'utf8')) as { on: Record<string, unknown>; jobs: Record<string, Job> };
  const { test, gate, render } = workflow.jobs as { test: Job; gate: Job; render: Job };
  const jobs = [test, gate, render];
  const uses = (job: Job, action: string) => job.steps.find((s) => s.uses?.startsWith(`${action}@`));
  const runs = (job: Job) => job.steps.map((s) => s.run).filter(Boolean);

  it('runs the test suite on every push and pull request, on Node 24 and 22 as the README says, with the PDF tools the tests use', async () => {
    expect(test.if).toBeUndefined();
    expect(test.strategy?.matrix.node).toEqual([24, 22]);
    expect(uses(test, 'actions/setup-node')?.with).toEqual({ 'node-version': '${{ matrix.node }}', cache: 'npm' });
    expect(runs(test)).toEqual(['sudo apt-get update && sudo apt-get install -y poppler-utils mupdf-tools', 'npm ci', 'npm test']);
    const readme = await readFile(join(projectRoot, 'README.md'), 'utf8');
    expect(readme).toContain('tested on Node 24 and 22');
  });

  it('uses the current major version of every action (those that run on Node 24)', () => {
    const current: Record<string, string> = { 'actions/checkout': 'v6', 'actions/setup-node': 'v6', 'actions/cache': 'v6', 'actions/upload-artifact': 'v7' };
    const used = jobs.flatMap((job) => job.steps.flatMap((s) => (s.uses ? [s.uses] : [])));
    expect(used.length).toBeGreaterThan(0);
    for (const action of used) expect(action).toBe(`${action.split('@')[0]}@${current[action.split('@')[0] ?? '']}`);
  });

  it('gates pull requests: check on the changed profiles with annotations, their PDFs as an artifact', () => {
    expect(Object.keys(workflow.on)).toEqual(['pull_request', 'push']);
    expect(gate.if).toBe("github.event_name == 'pull_request'");
    expect(gate.steps[0]).toMatchObject({ uses: 'actions/checkout@v6', with: { 'fetch-depth': 0 } });
    expect(runs(gate)).toEqual([
      'npm ci',
      'node bin/ocindex.js check --changed origin/${{ github.base_ref }} --format github',
      'node bin/ocindex.js render --changed origin/${{ github.base_ref }} --out pull-request',
    ]);
    expect(gate.steps.at(-1)).toMatchObject({ uses: 'actions/upload-artifact@v7', with: { path: 'pull-request/' } });
    expect(uses(gate, 'actions/setup-node')?.with).toEqual({ 'node-version': 24, cache: 'npm' });
    expect(uses(render, 'actions/setup-node')?.with).toEqual({ 'node-version': 24, cache: 'npm' });
  });

  it('caches what the toolkit unpacks (the pinned browser), keyed on the lockfile, in every job', () => {
    for (const job of jobs) expect(uses(job, 'actions/cache')?.with).toEqual(browserCache);
  });

  it('renders main in a matrix of shards that together cover every profile once', () => {
    expect(render.if).toContain("github.ref == 'refs/heads/main'");
    const shards = render.strategy?.matrix.shard ?? [];
    expect(shards.length).toBeGreaterThan(1);
    expect(runs(render)).toEqual(['npm ci', 'node bin/ocindex.js validate --format github', `node bin/ocindex.js render --shard \${{ matrix.shard }}/${shards.length}`]);
    // Every i/n of the matrix is a shard the command accepts, and they are 1..n.
    expect(shards.map((i) => parseShard(`${i}/${shards.length}`).index)).toEqual(shards.map((_, n) => n + 1));
    expect(render.steps.at(-1)).toMatchObject({ uses: 'actions/upload-artifact@v7', with: { name: 'profiles-${{ matrix.shard }}', path: 'dist/' } });
  });
});
