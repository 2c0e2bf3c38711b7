import { resolve } from 'node:path';
import type { Command } from 'commander';
import { InputError, exitCodes } from '../errors.js';
import { collectFiles, displayPath, readBounded } from '../read/collect.js';
import { maxPdfBytes } from '../read/pdf.js';
import { writeAtomically } from '../write/write.js';
import { plural } from '../text/english.js';
import { proofSheets, profilesPerSheet } from '../proof/proof.js';
import type { Io, SetExitCode } from './io.js';
import { refuseToOverwriteInput } from '../write/guard.js';
import { setup } from './setup.js';
import { escapeUnprintable } from '../text/unprintable.js';

/** A press file (render --target press) holds the same pages as its screen PDF, with bleed and marks: a folder's proof shows each profile once. */
const isPressFile = (name: string) => name.endsWith('.press.pdf');

/**
 * The PDFs named by paths (files as given, folders searched for .pdf but for press files and the
 * proof being written), labelled by their path inside the folder given.
 */
async function collectPdfs(paths: string[], out: string): Promise<{ path: string; label: string }[]> {
  const found = new Map<string, string>();
  for (const [file, given] of await collectFiles(paths, (name) => name.endsWith('.pdf') && !isPressFile(name))) {
    if (file !== given && displayPath(file) === displayPath(out)) continue;
    found.set(displayPath(file), file === given ? displayPath(file) : displayPath(resolve(file), resolve(given)));
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
      await refuseToOverwriteInput(options.out, files.map((file) => file.path), 'the proof');
      const reads = await Promise.all(files.map(async ({ path, label }) => ({ label, read: await readBounded(path, maxPdfBytes, 'a PDF') })));
      // A file that cannot be read is a problem of its own, like one that is not a PDF.
      const unread = reads.flatMap(({ label, read }) => ('unreadable' in read ? [{ label, reason: read.unreadable }] : []));
      const entries = reads.flatMap(({ label, read }) => ('bytes' in read ? [{ label, pdf: read.bytes }] : []));
      const started = performance.now();
      const sheets = await proofSheets(entries, `Proof of ${plural(reads.length, 'file')}`);
      const { pdf } = sheets;
      const problems = [...unread, ...sheets.problems].sort((a, b) => a.label.localeCompare(b.label));
      for (const problem of problems) io.stderr(`${escapeUnprintable(problem.label)}: ${problem.reason}\n`);
      await writeAtomically(options.out, Buffer.from(pdf)).catch((error: NodeJS.ErrnoException) => {
        throw new InputError(`${displayPath(options.out)}: cannot write (${error.code ?? error.message})`);
      });
      const shown = reads.length - problems.length;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      io.stdout(`${displayPath(options.out)}: ${plural(shown, 'profile')} on ${plural(Math.max(Math.ceil(shown / profilesPerSheet), 1), 'sheet')} in ${seconds} s\n`);
      setExitCode(problems.length > 0 ? exitCodes.contentErrors : exitCodes.ok);
    });
}
