import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { projectRoot } from '../support.js';

interface Job {
  if: string;
  steps: { uses?: string; run?: string; with?: Record<string, unknown> }[];
}

describe('the profiles workflow', async () => {
  const workflow = parse(await readFile(join(projectRoot, '.github/workflows/profiles.yml'), 'utf8')) as { on: Record<string, unknown>; jobs: Record<string, Job> };
  const { validate, render } = workflow.jobs as { validate: Job; render: Job };

  it('validates pull requests with annotations, on Node 20 with the npm cache', () => {
    expect(Object.keys(workflow.on)).toEqual(['pull_request', 'push']);
    expect(validate.if).toBe("github.event_name == 'pull_request'");
    expect(validate.steps.map((s) => s.run).filter(Boolean)).toEqual(['npm ci', 'node bin/ocindex.js validate --format github']);
    expect(validate.steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with).toEqual({ 'node-version': 20, cache: 'npm' });
  });

  it('renders main and keeps dist/ as an artifact', () => {
    expect(render.if).toContain("github.ref == 'refs/heads/main'");
    expect(render.steps.map((s) => s.run).filter(Boolean)).toEqual(['npm ci', 'node bin/ocindex.js validate --format github', 'node bin/ocindex.js render']);
    expect(render.steps.at(-1)).toMatchObject({ uses: 'actions/upload-artifact@v4', with: { path: 'dist/' } });
  });
});
