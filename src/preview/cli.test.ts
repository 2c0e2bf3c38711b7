import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, processesMentioning, projectRoot, replaceOnce, runCli } from '../testing/support.js';
import { copyContent } from '../testing/preview.js';


describe('ocindex preview, given a mistake', () => {
  it.each([
    [['no-such-folder'], /^ocindex: no-such-folder: no such folder\n$/],
    [['content/goci-2021/azerbaijan.md'], /^ocindex: content\/goci-2021\/azerbaijan\.md: not a folder; preview serves a content folder/],
    [['--port', '70000'], /argument '70000' is invalid\. expected a port number from 0 to 65535/],
    [['--port', 'x'], /argument 'x' is invalid/],
    [['--host', 'no-such-host.invalid', '--port', '0'], /^ocindex: cannot listen on no-such-host\.invalid:0: no such host\n$/],
  ])('%j: a clear message and exit 2', async (args, message) => {
    const { code, stdout, stderr } = await runCli('preview', ...(args[0]?.startsWith('-') ? [copyContent([]), ...args] : args));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('a port in use: a clear message and exit 2', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = String((taken.address() as { port: number }).port);
    const { code, stderr } = await runCli('preview', copyContent([]), '--port', port);
    taken.close();
    expect(code).toBe(2);
    expect(stderr).toBe(`ocindex: cannot listen on 127.0.0.1:${port}: port ${port} is in use; choose another with --port (0 picks a free one)\n`);
  });
});

describe('ocindex preview, run as a user runs it', () => {
  beforeAll(() => {
    ensureBuilt();
    expect(existsSync(join(projectRoot, 'lib', 'preview', 'server.js'))).toBe(true);
  }, 120_000);

  it.each(['SIGINT', 'SIGTERM'] as const)('prints its URL, logs saves, and on %s closes the server, the watcher and the browser', async (signal) => {
    const folder = copyContent(['goci-2021/azerbaijan.md']);
    const tmp = copyContent([]);
    const child = spawn(process.execPath, ['bin/ocindex.js', 'preview', folder, '--port', '0'], { cwd: projectRoot, env: { ...process.env, TMPDIR: tmp }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const printed = (pattern: RegExp) =>
      new Promise<RegExpExecArray>((resolve) => {
        const look = () => {
          const found = pattern.exec(stdout);
          if (found) resolve(found);
          else child.stdout.once('data', look);
        };
        look();
      });
    child.stdout.on('data', (chunk: Buffer) => void (stdout += chunk.toString()));
    const url = (await printed(/at (http:\/\/127\.0\.0\.1:\d+\/)\n/))[1] as string;
    expect(stdout).toMatch(/^previewing 1 profile of .+ at http:\/\/127\.0\.0\.1:\d+\/\npress Ctrl-C to stop\n$/);
    const file = join(folder, 'goci-2021', 'azerbaijan.md');
    writeFileSync(file, replaceOnce(readFileSync(file, 'utf8'), 'score: 4.15', 'score: 4.16'));
    await printed(/^goci-2021\/azerbaijan: 1 error, 0 warnings\n/m);
    // Measuring copy-fit starts the browser.
    expect(await (await fetch(new URL('fit/goci-2021/azerbaijan', url))).text()).toContain('page 2 (resilience) fits');
    expect(processesMentioning(tmp).length).toBeGreaterThan(0);

    child.kill(signal);
    // Exiting by itself, without process.exit(), shows that nothing is left open: server, watcher, browser pipe.
    expect(await exited).toBe(0);
    expect(stdout).toContain(`preview stopped (${signal})\n`);
    expect(stderr).toBe('');
    expect(processesMentioning(tmp)).toEqual([]);
    await expect(fetch(url)).rejects.toThrow();
  }, 60_000);
});
