import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { InputError, exitCodes } from '../errors.js';
import { displayPath } from '../read/collect.js';
import { writeAtomically } from '../write/write.js';
import { plural } from '../text/english.js';
import { proofSheets, profilesPerSheet } from '../proof/proof.js';
import type { Io, SetExitCode } from './io.js';
import { setup } from './setup.js';

/** A press file (render --target press) holds the same pages as its screen PDF, with bleed and marks: a folder's proof shows each profile once. */
const isPressFile = (name: string) => name.endsWith('.press.pdf');

/**
 * The PDFs named by paths (files as given, folders searched for .pdf but for press files and the
 * proof being written), labelled by their path inside the folder given.
 */
async function collectPdfs(paths: string[], out: string): Promise<{ path: string; label: string }[]> {
  const found = new Map<string, string>();
  for (const path of paths) {
    const info = await stat(path).catch(() => {
      throw new InputError(`${displayPath(path)}: no such file or folder`);
    });
    if (info.isFile()) found.set(displayPath(path), displayPath(path));
    else {
      const entries = await readdir(path, { recursive: true, withFileTypes: true });
      for (const entry of entries.filter((e) => e.isFile() && e.name.endsWith('.pdf') && !isPressFile(e.name))) {
        const file = join(entry.parentPath, entry.name);
        if (displayPath(file) === displayPath(out)) continue;
        found.set(displayPath(file), displayPath(file, path));
      }
    }
  }
  return [...found].sort(([a], [b]) => a.localeCompare(b)).map(([path, label]) => ({ path, label }));
}

export function registerProof(cli: Command, io: Io, setExitCode: SetExitCode): void {
  cli
    .command('proof')
    .argument('[paths...]', 'rendered PDFs or folders of them (default: the output folder)')
    .requiredOption('--out <file>', 'the proof PDF to write')
    .action(async (paths: string[], options: { out: string }) => {
      const { config } = await setup();
      const files = await collectPdfs(paths.length > 0 ? paths : [config.output], options.out);
      if (files.length === 0) throw new InputError(`${paths.join(', ') || displayPath(config.output)}: no PDF found; render the profiles first (ocindex render)`);
      const entries = await Promise.all(
        files.map(async ({ path, label }) => ({
          label,
          pdf: await readFile(path).catch((error: NodeJS.ErrnoException) => {
            throw new InputError(`${path}: cannot read (${error.code ?? error.message})`);
          }),
        })),
      );
      const started = performance.now();
      const { pdf, problems } = await proofSheets(entries, `Proof of ${plural(entries.length, 'file')}`);
      for (const problem of problems) io.stderr(`${problem.label}: ${problem.reason}\n`);
      await writeAtomically(options.out, Buffer.from(pdf)).catch((error: NodeJS.ErrnoException) => {
        throw new InputError(`${displayPath(options.out)}: cannot write (${error.code ?? error.message})`);
      });
      const shown = entries.length - problems.length;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      io.stdout(`${displayPath(options.out)}: ${plural(shown, 'profile')} on ${plural(Math.max(Math.ceil(shown / profilesPerSheet), 1), 'sheet')} in ${seconds} s\n`);
      setExitCode(problems.length > 0 ? exitCodes.contentErrors : exitCodes.ok);
    });
}
