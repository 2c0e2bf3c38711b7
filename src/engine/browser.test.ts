import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { launchBrowser, resolveExecutable } from './browser.js';
import { bundledChromium, unpackNotice } from './sparticuz.js';
import { azerbaijan2021, tempFolder } from '../testing/support.js';
import { readPdf, renderTexts } from '../testing/render.js';

afterEach(() => void vi.unstubAllEnvs());

describe('the browser', () => {
  it('takes PUPPETEER_EXECUTABLE_PATH first, and says when it is not a program', async () => {
    vi.stubEnv('PUPPETEER_EXECUTABLE_PATH', join(tempFolder(), 'chrome'));
    await expect(resolveExecutable('env')).rejects.toThrow(/PUPPETEER_EXECUTABLE_PATH=.*chrome is not an executable file/);
    vi.stubEnv('PUPPETEER_EXECUTABLE_PATH', process.execPath);
    expect(await resolveExecutable('env')).toMatchObject({ source: 'env', path: process.execPath });
  });

  it('prefers the pinned npm browser to anything on the PATH, so that local and CI PDFs are the same', async () => {
    const bin = tempFolder();
    writeFileSync(join(bin, 'chromium'), '#!/bin/sh\n', { mode: 0o755 });
    vi.stubEnv('PATH', `${bin}:${process.env.PATH ?? ''}`);
    vi.stubEnv('PUPPETEER_EXECUTABLE_PATH', '');
    expect(await resolveExecutable('system')).toMatchObject({ source: 'system', path: join(bin, 'chromium') });
    expect((await resolveExecutable()).source).toBe('sparticuz');
  });

  it('names the sources it knows when asked for another', async () => {
    await expect(resolveExecutable('firefox')).rejects.toThrow('OCINDEX_BROWSER=firefox: expected one of env, sparticuz, puppeteer, system');
  });

  // The route of a fresh machine whose only network is the npm registry: no system Chromium.
  it(
    'unpacks @sparticuz/chromium once, even when asked twice at the same time, and prints with it',
    async () => {
      const cache = tempFolder();
      vi.stubEnv('XDG_CACHE_HOME', cache);
      const notices: string[] = [];
      unpackNotice.write = (line) => notices.push(line);
      const [first, second] = await Promise.all([bundledChromium(), bundledChromium()]);
      // The first unpacking says what it does, once.
      expect(notices).toEqual([`unpacking the bundled Chromium (@sparticuz/chromium, about 200 MB) into ${cache}/ocindex-profiles/chromium-143.0.4, once\n`]);
      expect(first?.executablePath).toMatch(new RegExp(`^${cache}/ocindex-profiles/chromium-143\\.0\\.4/chromium$`));
      expect(second?.executablePath).toBe(first?.executablePath);
      expect(first?.args).not.toContain('--single-process');
      // No lock nor half-unpacked folder is left behind.
      expect(readdirSync(join(cache, 'ocindex-profiles'))).toEqual(['chromium-143.0.4']);

      const { outcomes, out } = await renderTexts({ 'content/goci-2021/azerbaijan.md': azerbaijan2021 }, { launch: () => launchBrowser('sparticuz') });
      expect(outcomes.map((o) => o.status)).toEqual(['written']);
      const doc = await PDFDocument.load(readPdf(`${out}/goci-2021/azerbaijan.pdf`), { updateMetadata: false });
      expect(doc.getPageCount()).toBe(2);
      expect(doc.getProducer()).toMatch(/Skia\/PDF m143/);
    },
    120_000,
  );
});
