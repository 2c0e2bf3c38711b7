import { existsSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'puppeteer';
import { describe, expect, it, vi } from 'vitest';
import { BrowserError } from '../errors.js';
import { launchBrowser } from '../engine/browser.js';
import { WarmPage } from '../engine/warm-page.js';
import { readContent } from '../testing/support.js';
import { filesUnder, layout, renderTexts } from '../testing/render.js';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { pdfSteps } from '../postprocess/index.js';
import { idStep } from '../postprocess/id.js';
import type { PdfStep } from '../postprocess/step.js';
import type { PreflightCheck } from '../preflight/preflight.js';

const countries = ['albania', 'algeria', 'andorra', 'angola', 'argentina', 'armenia'];
const profiles = Object.fromEntries(countries.map((slug) => [`content/goci-2021/${slug}.md`, readContent(`goci-2021/${slug}.md`)]));

/** A launcher that keeps the browsers it started. */
function recordingLauncher(): { launch: () => Promise<Browser>; browsers: Browser[] } {
  const browsers: Browser[] = [];
  return {
    browsers,
    launch: async () => {
      const browser = await launchBrowser();
      browsers.push(browser);
      return browser;
    },
  };
}

/** Whether a process runs (a zombie waiting to be reaped does not). */
function alive(pid: number | undefined): boolean {
  if (pid === undefined || !existsSync(`/proc/${pid}`)) return false;
  return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
}

describe('a batch', () => {
  it('goes on in a new browser when its browser is killed, and writes every PDF', async () => {
    const { launch, browsers } = recordingLauncher();
    let killed: number | undefined;
    const { outcomes, out } = await renderTexts(profiles, {
      launch,
      onDone: () => {
        if (killed !== undefined) return;
        killed = browsers[0]?.process()?.pid;
        if (killed !== undefined) process.kill(killed, 'SIGKILL');
      },
    });
    expect(killed).toBeDefined();
    expect(browsers).toHaveLength(2);
    expect(outcomes.map((o) => o.status)).toEqual(countries.map(() => 'written'));
    expect(filesUnder(out)).toEqual(countries.map((slug) => `goci-2021/${slug}.pdf`));
    expect(browsers.map((browser) => alive(browser.process()?.pid))).toEqual([false, false]);
  });

  /** Lays out as the page engine does, then runs `after` on the page (a crash, a hang) for the profile whose title names Angola. */
  function onAngola(after: (page: Page) => Promise<void>): { restore: () => void } {
    const layOut = WarmPage.prototype.layOut;
    const spy = vi.spyOn(WarmPage.prototype, 'layOut').mockImplementation(async function (this: WarmPage, html: string) {
      const result = await layOut.call(this, html);
      if ((await this.page.title()).includes('Angola')) await after(this.page);
      return result;
    });
    return { restore: () => spy.mockRestore() };
  }

  it('tries a profile again at once when its page crashes (a killed renderer), not after the timeout', async () => {
    let crashed = false;
    const crashing = onAngola(async (page) => {
      if (crashed) return;
      crashed = true;
      const cdp = await page.createCDPSession();
      await cdp.send('Page.crash').catch(() => undefined);
      await new Promise(() => undefined);
    });
    try {
      const started = Date.now();
      const { outcomes } = await renderTexts(profiles, { layout, timeoutMs: 60_000 });
      expect(crashed).toBe(true);
      expect(outcomes.map((o) => o.status)).toEqual(countries.map(() => 'written'));
      expect(Date.now() - started).toBeLessThan(50_000);
    } finally {
      crashing.restore();
    }
  });

  it('reports a profile that hangs, after its timeout, and renders the others', async () => {
    const hanging = onAngola(() => new Promise(() => undefined));
    try {
      const { outcomes, out } = await renderTexts(profiles, { layout, timeoutMs: 4_000 });
      const failed = outcomes.filter((o) => o.status !== 'written');
      expect(failed).toEqual([expect.objectContaining({ status: 'failed', message: 'timed out after 4 s' })]);
      expect(failed[0]?.task.pdfPath).toMatch(/angola\.pdf$/);
      expect(filesUnder(out)).toHaveLength(countries.length - 1);
    } finally {
      hanging.restore();
    }
  });

  it('stops on abort: the browser is closed and nothing more is written', async () => {
    const { launch, browsers } = recordingLauncher();
    const controller = new AbortController();
    const { outcomes, out } = await renderTexts(profiles, { launch, signal: controller.signal, concurrency: 1, onDone: () => controller.abort() });
    expect(outcomes).toHaveLength(1);
    expect(filesUnder(out)).toHaveLength(1);
    expect(alive(browsers[0]?.process()?.pid)).toBe(false);
  });

  it('finishes each file with the steps and checks it is given: a file failing one of them is not written', async () => {
    const two = Object.fromEntries(['albania', 'algeria'].map((slug) => [`content/goci-2021/${slug}.md`, profiles[`content/goci-2021/${slug}.md`]!]));
    const stamp: PdfStep = { id: 'stamp', description: 'a mark of the steps given', edit: (doc) => doc.setKeywords(['finished as given']) };
    const notAlgeria: PreflightCheck = { id: 'not-algeria', description: 'fails the Algeria profile', check: (doc) => (doc.getTitle()?.includes('Algeria') ? [{ check: 'not-algeria', message: 'an Algeria profile' }] : []) };
    const { outcomes, out } = await renderTexts(two, { finishing: { steps: (press, leftovers) => [...pdfSteps(press, leftovers).slice(0, -1), stamp, idStep], checks: () => [notAlgeria] } });
    expect(Object.fromEntries(outcomes.map(({ task, status }) => [task.entry.profile.file.stem, status]))).toEqual({ albania: 'written', algeria: 'failed' });
    expect(outcomes.find((outcome) => outcome.status === 'failed')).toMatchObject({ message: expect.stringContaining('an Algeria profile') });
    expect(filesUnder(out)).toEqual(['goci-2021/albania.pdf']);
    const written = await PDFDocument.load(readFileSync(join(out, 'goci-2021/albania.pdf')), { updateMetadata: false });
    expect(written.getKeywords()).toBe('finished as given');
  });

  it('ends with the browser error when no browser starts', async () => {
    const launch = () => Promise.reject(new BrowserError('no Chromium found'));
    await expect(renderTexts(profiles, { launch })).rejects.toThrow('no Chromium found');
  });
});
