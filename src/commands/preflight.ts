import { Option, type Command } from 'commander';
import { displayPath, readBounded } from '../read/collect.js';
import { maxPdfBytes } from '../read/pdf.js';
import { plural } from '../text/english.js';
import { preflight, UnreadablePdfError, type Finding } from '../preflight/preflight.js';
import { exitCodes } from '../errors.js';
import type { Io, SetExitCode } from './io.js';
import { escapeUnprintable, printableJson } from '../text/unprintable.js';

interface FileResult {
  file: string;
  press: boolean;
  findings: Finding[];
  /** The file could not be read as a PDF. */
  unreadable?: string;
}

async function check(path: string): Promise<FileResult> {
  const file = displayPath(path);
  const read = await readBounded(path, maxPdfBytes, 'a PDF');
  if ('unreadable' in read) return { file, press: false, findings: [], unreadable: read.unreadable };
  try {
    // A file named as render names press files is checked as one even if it claims nothing.
    const report = await preflight(read.bytes, path.endsWith('.press.pdf') ? { press: true } : {});
    return { file, ...report };
  } catch (error) {
    if (error instanceof UnreadablePdfError) return { file, press: false, findings: [], unreadable: error.message };
    throw error;
  }
}

function human(results: FileResult[]): string {
  const lines = results.flatMap(({ file: name, findings, unreadable, press }) => {
    const file = escapeUnprintable(name);
    if (unreadable) return [`${file}  error  ${unreadable}`];
    if (findings.length === 0) return [`${file}  ok (${press ? 'PDF/X-4 and accessibility' : 'accessibility'} checks)`];
    return findings.map((f) => `${file}${f.page === undefined ? '' : `: page ${f.page}`}  error  ${f.message}  ${f.check}`);
  });
  const errors = results.reduce((sum, r) => sum + r.findings.length + (r.unreadable ? 1 : 0), 0);
  lines.push(`${plural(results.length, 'file')} checked: ${errors === 0 ? 'no errors' : plural(errors, 'error')}`);
  return `${lines.join('\n')}\n`;
}

function json(results: FileResult[]): string {
  const findings = results.flatMap(({ file, findings }) => findings.map((f) => ({ file, page: f.page ?? null, check: f.check, message: f.message })));
  const files = results.map(({ file, press, findings, unreadable }) => ({ file, press, errors: findings.length, ...(unreadable ? { unreadable } : {}) }));
  return `${printableJson({ files, errors: findings.length, findings })}\n`;
}

export function registerPreflight(cli: Command, io: Io, setExitCode: SetExitCode): void {
  cli
    .command('preflight')
    .argument('<pdf...>', 'PDF files; <slug>.press.pdf, or a file declaring PDF/X, gets the PDF/X-4 checks too')
    .addOption(new Option('--format <format>', 'human or json').choices(['human', 'json']).default('human'))
    .action(async (paths: string[], options: { format: 'human' | 'json' }) => {
      const results = await Promise.all(paths.map(check));
      io.stdout(options.format === 'json' ? json(results) : human(results));
      if (results.some((r) => r.unreadable)) setExitCode(exitCodes.failure);
      else setExitCode(results.some((r) => r.findings.length > 0) ? exitCodes.contentErrors : exitCodes.ok);
    });
}
