import { Command, CommanderError } from 'commander';
import { exitCodeOf, exitCodes } from './errors.js';
import { processStreams, type Io, type SetExitCode } from './commands/io.js';
import { unpackNotice } from './engine/unpack-notice.js';
import { toolkitVersion } from './package/version.js';
import { escapeUnprintable } from './text/unprintable.js';

type Register = (cli: Command, io: Io, setExitCode: SetExitCode) => void;

/**
 * Every command with what `ocindex --help` says of it. A command's module (and what it needs:
 * puppeteer, exceljs, pdf-lib, chokidar...) is imported only when that command runs or shows its help.
 */
const commands: { name: string; summary: string; load: () => Promise<Register> }[] = [
  { name: 'validate', summary: 'check profiles: schema, scores, ranks, geography, narrative outline, spelling and house style', load: async () => (await import('./commands/validate.js')).registerValidate },
  { name: 'check', summary: 'the CI gate: every validate rule, then copy-fit (does the text fit its printed pages?), per profile', load: async () => (await import('./commands/check.js')).registerCheck },
  { name: 'import', summary: "write or update one profile per row of the index's dataset (scores only)", load: async () => (await import('./commands/import.js')).registerImport },
  { name: 'render', summary: 'print profiles to PDF, dist/<edition>/<slug>.pdf; profiles with errors are reported and skipped', load: async () => (await import('./commands/render.js')).registerRender },
  { name: 'preflight', summary: "check PDFs against what the toolkit promises: PDF/X-4 for press files, accessibility for all (not a certified PDF/X validator)", load: async () => (await import('./commands/preflight.js')).registerPreflight },
  { name: 'preview', summary: 'serve the profiles as they print, with their messages and copy-fit, updated on each save', load: async () => (await import('./commands/preview.js')).registerPreview },
  { name: 'new', summary: "start a country's profile: a draft with the edition's outline and empty score fields", load: async () => (await import('./commands/new.js')).registerNew },
  { name: 'export', summary: "write the profiles' data out: scores in the dataset's CSV layout or the index's workbook (xlsx), or scores and ranks as JSON", load: async () => (await import('./commands/export.js')).registerExport },
  { name: 'translate', summary: "which sections of translations are behind their source's; --mark-current records them as translated", load: async () => (await import('./commands/translate.js')).registerTranslate },
  { name: 'proof', summary: 'put every page of printed profiles on a few A3 sheets of thumbnails, for a designer to look over', load: async () => (await import('./commands/proof.js')).registerProof },
  { name: 'diff', summary: 'what changed per country between two editions: scores, new indicators, ranks, narrative', load: async () => (await import('./commands/diff.js')).registerDiff },
  { name: 'schema', summary: "print the JSON schema of an edition's front-matter, indicators filled in, for editors and other tools", load: async () => (await import('./commands/schema.js')).registerSchema },
];

export { toolkitVersion };

/** The command argv names: `ocindex render ...`, or `ocindex help render`. */
function commandNamed(argv: string[]): string | undefined {
  const [first, second] = argv.slice(2);
  return first === 'help' ? second : first;
}

/** The command line for `argv`: the command it names registered in full, the others by name and summary. */
export async function program(io: Io, setExitCode: SetExitCode, argv: string[] = []): Promise<Command> {
  const cli = new Command('ocindex')
    .description('Author, validate and print Global Organized Crime Index country profiles')
    .version(toolkitVersion(), '-V, --version', 'print the version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  const wanted = commandNamed(argv);
  for (const { name, summary, load } of commands) {
    if (name !== wanted) {
      cli.command(name).description(summary);
      continue;
    }
    (await load())(cli, io, setExitCode);
    const command = cli.commands.at(-1);
    command?.description(summary);
    // commander checks required options but does not say which they are in --help.
    for (const option of command?.options ?? []) if (option.mandatory) option.description = `${option.description} (required)`;
  }
  return cli;
}

/**
 * Runs the command line and resolves to the exit code. Every error of the toolkit's own (errors.ts)
 * prints its message and ends with its exit code, never a stack trace; anything else is a bug.
 */
export async function run(argv: string[], io: Io = processStreams()): Promise<number> {
  let code: number = exitCodes.ok;
  unpackNotice.write = (line) => io.stderr(`ocindex: ${line}`);
  try {
    await (await program(io, (c) => (code = c), argv)).parseAsync(argv);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? exitCodes.ok : exitCodes.failure;
    const errorCode = exitCodeOf(error);
    if (errorCode === undefined) throw error;
    // One line a mistake, each marked as ocindex's and escaped: a line break in a file name cannot forge a line of its own.
    io.stderr((error as Error).message.split('\n').map((line) => `ocindex: ${escapeUnprintable(line)}\n`).join(''));
    return errorCode;
  }
}
