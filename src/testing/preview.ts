import { EventEmitter, once } from 'node:events';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { dirname, join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer';
import { startPreview, type Preview, type PreviewOptions } from '../preview/server.js';
import type { Update } from '../preview/workspace.js';
import { resolveExecutable } from '../engine/browser.js';
import { projectRoot, tempFolder } from './support.js';

/** The final Azerbaijan 2021 profile and a few drafts of both editions. */
export const copiedProfiles = ['goci-2021/azerbaijan.md', 'goci-2021/albania.md', 'goci-2021/armenia.md', 'goci-2021/georgia.md', 'goci-2023/azerbaijan.md'];

/** A temporary content folder holding copies of the bundled profiles named, removed when the test file is done. */
export function copyContent(profiles: string[] = copiedProfiles): string {
  const folder = tempFolder();
  copyFileSync(join(projectRoot, 'content', '.dictionary'), join(folder, '.dictionary'));
  for (const profile of profiles) {
    mkdirSync(dirname(join(folder, profile)), { recursive: true });
    copyFileSync(join(projectRoot, 'content', profile), join(folder, profile));
  }
  return folder;
}

export interface Running {
  preview: Preview;
  folder: string;
  /** Resolves with the next update the preview applies; with a key, the next one changing that profile. */
  nextUpdate(key?: string): Promise<Update>;
  read(profile: string): string;
  write(profile: string, text: string): void;
}

/** A preview of a fresh copy of the profiles on a free port; stop it with preview.close(). */
export async function startOnCopy(options: Partial<PreviewOptions> = {}, profiles?: string[]): Promise<Running> {
  const folder = copyContent(profiles);
  const updates = new EventEmitter();
  const preview = await startPreview({ content: folder, port: 0, ...options, onUpdate: (update) => updates.emit('update', update) });
  return {
    preview,
    folder,
    nextUpdate: async (key) => {
      for (;;) {
        const [update] = (await once(updates, 'update')) as [Update];
        if (key === undefined || update.changed.includes(key)) return update;
      }
    },
    read: (profile) => readFileSync(join(folder, profile), 'utf8'),
    write: (profile, text) => writeFileSync(join(folder, profile), text),
  };
}

export interface Response {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Sends a request to the preview exactly as given: the path is not normalized, as fetch() would. */
export function get(preview: Preview, path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Response> {
  const { port } = new URL(preview.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * A browser to look at the preview with. launchBrowser() starts the renderer's offline Chromium, whose
 * proxy and resolver rules refuse every address, loopback included; this one is the same executable, online.
 */
export async function launchViewer(): Promise<Browser> {
  const executable = await resolveExecutable();
  const args = [...executable.args, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])];
  // Its own temporary files go to a folder of the test's, removed with it.
  return puppeteer.launch({ executablePath: executable.path, headless: executable.headless, args, env: { ...process.env, ...executable.env, TMPDIR: tempFolder() }, pipe: true });
}
