import { request } from 'node:http';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus, validate } from '../validate/corpus.js';
import { BrowserError } from '../errors.js';
import { renderHtml } from '../html/html.js';
import { summarize } from '../report/messages.js';
import type { ProfileState } from './workspace.js';
import { replaceOnce } from '../testing/support.js';
import { copiedProfiles, get, startOnCopy, type Running } from '../testing/preview.js';

const noBrowser = () => Promise.reject(new BrowserError('no Chromium found: set PUPPETEER_EXECUTABLE_PATH'));
const azerbaijan = 'goci-2021/azerbaijan.md';
const scoreMessage = 'criminality.criminal_markets.score is 4.16; the mean of its 10 indicators is 4.15';

let running: Running | undefined;
afterEach(async () => {
  await running?.preview.close();
  running = undefined;
});

/** The messages of the preview's profiles in validate's order: by file, then place. */
function messagesOf(profiles: Iterable<ProfileState>) {
  return summarize([...profiles].sort((a, b) => (a.source.path < b.source.path ? -1 : 1)).map((p) => p.file)).messages;
}

async function start(profiles?: string[]): Promise<Running> {
  running = await startOnCopy({ launch: noBrowser }, profiles);
  return running;
}

describe('the index page', () => {
  it("lists every profile with its edition, status and the validator's counts, linking to its page", async () => {
    const { preview, folder } = await start();
    const { status, body, headers } = await get(preview, '/');
    expect(status).toBe(200);
    expect(headers['content-type']).toBe('text/html; charset=utf-8');
    const corpus = await loadCorpus([folder]);
    const files = validate(corpus).files;
    for (const profile of copiedProfiles) {
      const key = profile.replace(/\.md$/, '');
      const file = files.find((f) => f.path.endsWith(profile));
      const { errors, warnings } = summarize(file ? [file] : []);
      const [edition] = key.split('/');
      const status = profile === azerbaijan ? 'final' : 'draft';
      expect(body).toMatch(new RegExp(`<a href="/profile/${key}">${key}</a></td><td>[^<]+</td><td>${edition}</td><td>${status}</td>\\s*<td class="count[^"]*">${errors}</td><td class="count[^"]*">${warnings}</td>`));
    }
    expect(body).toContain('5 profiles: 0 errors, 0 warnings');
    // Each edition is incomplete here: said once, on the edition, above the list.
    expect(body).toMatch(/<p class="note warning">[^<]*goci-2021: the corpus holds 4 of the 193 countries of goci-2021/);
    expect(body).toMatch(/<p class="note warning">[^<]*goci-2023: the corpus holds 1 of the 193 countries of goci-2023/);
  });

  it('filters by edition, status and problems, and sorts by any column', async () => {
    const { preview, read, write, nextUpdate } = await start();
    const keys = async (query: string) => [...(await get(preview, `/${query}`)).body.matchAll(/<td><a href="\/profile\/([^"]+)">/g)].map((m) => m[1]);
    expect(await keys('')).toEqual(['goci-2021/albania', 'goci-2021/armenia', 'goci-2021/azerbaijan', 'goci-2021/georgia', 'goci-2023/azerbaijan']);
    expect(await keys('?edition=goci-2023')).toEqual(['goci-2023/azerbaijan']);
    expect(await keys('?status=final')).toEqual(['goci-2021/azerbaijan']);
    expect(await keys('?sort=country')).toEqual(['goci-2021/albania', 'goci-2021/armenia', 'goci-2021/azerbaijan', 'goci-2023/azerbaijan', 'goci-2021/georgia']);
    const updated = nextUpdate();
    write('goci-2021/georgia.md', replaceOnce(read('goci-2021/georgia.md'), 'status: draft', 'status: drft'));
    await updated;
    expect(await keys('?problems=errors')).toEqual(['goci-2021/georgia']);
    expect(await keys('?problems=none&edition=goci-2021')).toEqual(['goci-2021/albania', 'goci-2021/armenia', 'goci-2021/azerbaijan']);
    expect((await keys('?sort=errors'))[0]).toBe('goci-2021/georgia');
    const filtered = (await get(preview, '/?edition=goci-2021&problems=errors')).body;
    expect(filtered).toContain('5 profiles: 1 error, 0 warnings; 1 shown');
    // The links keep the other choices.
    expect(filtered).toContain('<a href="/?edition=goci-2021&amp;problems=errors&amp;sort=country">Country</a>');
  });
});

describe('a profile page', () => {
  it('shows its messages, pictures of the printed pages, and why copy-fit was not measured', async () => {
    const { preview } = await start();
    const page = await get(preview, '/profile/goci-2021/albania');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Albania, goci-2021 (draft)');
    expect(page.body).toContain('0 errors, 0 warnings');
    // The edition's message about its missing countries, which bears on this profile's ranks.
    expect(page.body).toMatch(/<p class="note warning">[^<]*goci-2021: the corpus holds 4 of the 193 countries of goci-2021/);
    const images = page.body.match(/<img [^>]*>/g) ?? [];
    expect(images).toEqual([1, 2].map((n) => `<img src="/page/goci-2021/albania/${n}.png" alt="printed page ${n}" width="794" height="1123">`));
    expect(page.headers['content-security-policy']).toMatch(/img-src 'self'/);
    expect((await get(preview, '/fit/goci-2021/albania')).body).toBe('<p class="error">copy-fit not measured: no Chromium found: set PUPPETEER_EXECUTABLE_PATH</p>');
    // Without a browser there are no pictures either.
    expect((await get(preview, '/page/goci-2021/albania/1.png')).status).toBe(404);
  });

  it('prints exactly the HTML the renderer prints, sandboxed by its headers too', async () => {
    const { preview, folder } = await start();
    const printed = await get(preview, '/print/goci-2021/azerbaijan');
    const [entry] = validate(await loadCorpus([join(folder, azerbaijan)])).valid;
    expect(printed.status).toBe(200);
    expect(printed.body).toBe(renderHtml(entry!));
    expect(printed.body).not.toMatch(/<script/i);
    expect(printed.headers['content-security-policy']).toMatch(/^sandbox; default-src 'none';/);
  });
});

describe('saving a file', () => {
  it('tells the open pages, with the new message, in well under a second', async () => {
    const { preview, folder, read, write, nextUpdate } = await start();
    const events = await openEvents(preview.url);
    const original = read(azerbaijan);
    const saved = Date.now();
    write(azerbaijan, replaceOnce(original, 'score: 4.15', 'score: 4.16'));
    const event = await events.next();
    const latency = Date.now() - saved;
    expect(event).toEqual({ changed: ['goci-2021/azerbaijan'], revalidated: expect.arrayContaining(['goci-2021/azerbaijan', 'goci-2021/albania']), pages: ['goci-2021/azerbaijan'] });
    expect(latency).toBeLessThan(1000);
    expect((await get(preview, '/panel/goci-2021/azerbaijan')).body).toContain(scoreMessage);

    const fixed = nextUpdate();
    write(azerbaijan, original);
    await fixed;
    expect((await get(preview, '/panel/goci-2021/azerbaijan')).body).not.toContain(scoreMessage);
    events.close();
    // After the round trip, every message is where validate puts it.
    expect(messagesOf(preview.workspace.profiles.values())).toEqual(summarize(validate(await loadCorpus([folder])).files).messages);
  });

  it('does not lose a second save that follows the first within milliseconds', async () => {
    const { preview, read, write, nextUpdate } = await start();
    const original = read(azerbaijan);
    const first = nextUpdate();
    write(azerbaijan, replaceOnce(original, 'score: 4.15', 'score: 4.16'));
    await first;
    // Saved again at once, within the 50 ms in which chokidar drops further changes of the file.
    const second = nextUpdate();
    write(azerbaijan, replaceOnce(original, 'score: 4.15', 'score: 4.17'));
    await second;
    const panel = (await get(preview, '/panel/goci-2021/azerbaijan')).body;
    expect(panel).toContain('criminality.criminal_markets.score is 4.17; the mean of its 10 indicators is 4.15');
    expect(panel).not.toContain('is 4.16;');
  }, 5_000);

  it("re-validates the file's edition: a rank elsewhere that no longer holds shows on the other profile", async () => {
    const { preview, write, read, nextUpdate } = await start([azerbaijan, 'goci-2021/afghanistan.md', 'goci-2023/azerbaijan.md']);
    const rankMessage = 'criminality.rank.global is 83; Afghanistan has a higher criminality score and ranks 100';
    const updated = nextUpdate();
    write('goci-2021/afghanistan.md', replaceOnce(read('goci-2021/afghanistan.md'), 'global: 7,', 'global: 100,'));
    const update = await updated;
    expect(update.revalidated.sort()).toEqual(['goci-2021/afghanistan', 'goci-2021/azerbaijan']);
    expect(update.pages).toEqual(['goci-2021/afghanistan']);
    expect((await get(preview, '/panel/goci-2021/azerbaijan')).body).toContain(rankMessage);
  });

  it('that breaks the YAML shows the message, keeps the last good pages as stale, and recovers on the next save', async () => {
    const { preview, read, write, nextUpdate } = await start();
    const original = read(azerbaijan);
    const printedBefore = (await get(preview, '/print/goci-2021/azerbaijan')).body;
    let updated = nextUpdate();
    write(azerbaijan, replaceOnce(original, 'country: Azerbaijan', 'country: Azerbaijan: Baku'));
    expect(await updated).toMatchObject({ changed: ['goci-2021/azerbaijan'], pages: [] });
    const panel = (await get(preview, '/panel/goci-2021/azerbaijan')).body;
    expect(panel).toMatch(/goci-2021\/azerbaijan\.md:3:\d+<\/td><td>error<\/td><td>YAML syntax error: Nested mappings are not allowed/);
    expect(panel).toContain('data-stale');
    expect((await get(preview, '/print/goci-2021/azerbaijan')).body).toBe(printedBefore);
    // What can be read of the broken file still shows.
    expect((await get(preview, '/')).body).toMatch(/goci-2021\/azerbaijan<\/a><\/td><td>Azerbaijan: Baku<\/td><td>goci-2021<\/td><td>final<\/td>\s*<td class="count error">1</);

    updated = nextUpdate();
    write(azerbaijan, original);
    expect(await updated).toMatchObject({ pages: ['goci-2021/azerbaijan'] });
    expect((await get(preview, '/panel/goci-2021/azerbaijan')).body).not.toMatch(/data-stale|YAML/);
  });

  it('that was never valid shows no pages; adding, renaming and removing files updates the list', async () => {
    const { preview, folder, nextUpdate } = await start();
    let updated = nextUpdate();
    writeFileSync(join(folder, 'goci-2021', 'draft.md'), '---\nedition: goci-2021\n---\n');
    await updated;
    const page = await get(preview, '/profile/goci-2021/draft');
    expect(page.body).toContain('No pages');
    expect(page.body).not.toContain('<iframe');
    expect((await get(preview, '/print/goci-2021/draft')).status).toBe(404);
    expect((await get(preview, '/fit/goci-2021/draft')).body).toBe('<p>copy-fit not measured: no pages</p>');

    // The watcher reports the new name at once, the old one's removal a little later.
    updated = nextUpdate('goci-2021/draft');
    renameSync(join(folder, 'goci-2021', 'draft.md'), join(folder, 'goci-2021', 'renamed.md'));
    await updated;
    expect((await get(preview, '/profile/goci-2021/draft')).status).toBe(404);
    expect((await get(preview, '/profile/goci-2021/renamed')).status).toBe(200);

    updated = nextUpdate();
    rmSync(join(folder, 'goci-2021', 'renamed.md'));
    expect(await updated).toMatchObject({ changed: ['goci-2021/renamed'] });
    expect((await get(preview, '/')).body).not.toContain('renamed');
  });

  it('ignores files that are not profiles, as validate does', async () => {
    const { preview, folder, write, read, nextUpdate } = await start();
    writeFileSync(join(folder, 'goci-2021', 'notes.txt'), 'x');
    writeFileSync(join(folder, 'goci-2021', 'README.md'), '# notes');
    writeFileSync(join(folder, 'goci-2021', '.azerbaijan.md.swp'), 'x');
    const updated = nextUpdate();
    write(azerbaijan, `${read(azerbaijan)}\n`);
    expect(await updated).toMatchObject({ changed: ['goci-2021/azerbaijan'] });
    expect((await get(preview, '/profile/goci-2021/README')).status).toBe(404);
  });
});

describe('requests', () => {
  it.each([
    '/nothing',
    '/profile/goci-2021/nowhere',
    '/profile/',
    '/profile/../../etc/passwd',
    '/profile/%2e%2e/%2e%2e/etc/passwd',
    '/print/..%2f..%2f..%2fetc%2fpasswd',
    '/page/..%2f..%2f..%2fetc%2fpasswd/1.png',
    '/page/goci-2021/azerbaijan/../../../etc/passwd',
    '/page/goci-2021/azerbaijan/0.png',
    '/page/goci-2021/azerbaijan/1.jpg',
    '/print/%2Fetc%2Fpasswd',
    '/print//etc/passwd',
    '/print/goci-2021/azerbaijan.md',
    '/print/goci-2021/../goci-2021/azerbaijan',
    '/print/%E0%A4%A',
    '/../package.json',
    '/templates/profile.css',
    'http://127.0.0.1/etc/passwd',
  ])('%s: 404, nothing from outside the profiles', async (path) => {
    const { preview } = await start();
    const response = await get(preview, path);
    expect(response.status).toBe(404);
    expect(response.body).not.toMatch(/root:|"name"|--page-width/);
  });

  it('only GET and HEAD, only for the loopback names', async () => {
    const { preview } = await start();
    expect((await get(preview, '/', { method: 'POST' })).status).toBe(405);
    expect(await get(preview, '/', { method: 'HEAD' })).toMatchObject({ status: 200, body: '' });
    expect((await get(preview, '/', { headers: { host: 'attacker.example:80' } })).status).toBe(403);
    expect((await get(preview, '/', { headers: { host: `localhost:${new URL(preview.url).port}` } })).status).toBe(200);
  });

  it('listens on 127.0.0.1 by default and stops cleanly, open event streams included', async () => {
    const { preview } = await start();
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const events = await openEvents(preview.url);
    await preview.close();
    await events.ended;
    await expect(get(preview, '/')).rejects.toThrow(/ECONNREFUSED/);
  });
});

/** A client of the preview's event stream; next() resolves with the next event's data. */
function openEvents(url: string): Promise<{ next: () => Promise<unknown>; ended: Promise<void>; close: () => void }> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/events', agent: false }, (res) => {
      let buffer = '';
      const waiting: ((data: unknown) => void)[] = [];
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (event.startsWith('data: ')) waiting.shift()?.(JSON.parse(event.slice(6)));
        }
      });
      const ended = new Promise<void>((done) => res.on('end', done));
      resolve({ next: () => new Promise((r) => waiting.push(r)), ended, close: () => req.destroy() });
    });
    req.on('error', reject);
    req.end();
  });
}
