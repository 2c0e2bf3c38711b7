import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { loadConfig } from '../config/config.js';
import { InputError } from '../errors.js';
import { displayPath } from '../read/collect.js';
import { plural } from '../text/english.js';
import { counts } from '../preview/pages.js';
import { startPreview } from '../preview/server.js';
import { countMessages } from '../report/messages.js';
import { exitCodes } from '../errors.js';
import type { Io, SetExitCode } from './io.js';

function portNumber(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535 (0 picks a free one)');
  return port;
}

function contentFolder(path: string): string {
  const folder = resolve(path);
  const info = statSync(folder, { throwIfNoEntry: false });
  if (!info) throw new InputError(`${displayPath(folder)}: no such folder`);
  if (!info.isDirectory()) throw new InputError(`${displayPath(folder)}: not a folder; preview serves a content folder (<edition>/<slug>.md)`);
  return folder;
}

/** Resolves with the first of SIGINT (Ctrl-C), SIGTERM or SIGHUP, its handlers removed. */
function stopSignal(): Promise<NodeJS.Signals> {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      for (const s of signals) process.off(s, stop);
      resolve(signal);
    };
    for (const signal of signals) process.on(signal, stop);
  });
}

export function registerPreview(cli: Command, io: Io, setExitCode: SetExitCode): void {
  cli
    .command('preview')
    .argument('[path]', 'content folder (default: the configured one, else content)')
    .option('--port <n>', 'port to listen on; 0 picks a free one', portNumber, 4321)
    .option('--host <address>', 'address to listen on; anything but loopback opens the preview to the network', '127.0.0.1')
    .action(async (path: string | undefined, options: { port: number; host: string }) => {
      const config = await loadConfig();
      const content = contentFolder(path ?? config.content);
      const preview = await startPreview({
        content,
        editionFolders: config.editions,
        rules: config.rules,
        prose: config.prose,
        host: options.host,
        port: options.port,
        onUpdate: ({ changed }, workspace) => {
          for (const key of changed) {
            const file = workspace.profiles.get(key)?.file;
            io.stdout(`${key}: ${file ? counts(countMessages([file])) : 'removed'}\n`);
          }
        },
        onError: (error) => io.stderr(`ocindex: ${error.message}\n`),
      });
      const stopped = stopSignal();
      if (!preview.loopback) io.stderr(`ocindex: warning: listening on ${options.host}, the preview is open to other machines\n`);
      io.stdout(`previewing ${plural(preview.workspace.profiles.size, 'profile')} of ${displayPath(content)} at ${preview.url}\npress Ctrl-C to stop\n`);
      const signal = await stopped;
      await preview.close();
      io.stdout(`preview stopped (${signal})\n`);
      setExitCode(exitCodes.ok);
    });
}
