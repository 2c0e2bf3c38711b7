import { Command, CommanderError } from 'commander';
import { EditionError } from './edition/load.js';
import { InputError } from './io/collect.js';
import { registerImport } from './commands/import.js';
import { registerExport } from './commands/export.js';
import { registerNew } from './commands/new.js';
import { registerPreview } from './commands/preview.js';
import { registerRender } from './commands/render.js';
import { registerSchema } from './commands/schema.js';
import { registerValidate } from './commands/validate.js';
import { registerDiff } from './commands/diff.js';
import { exitCodes, processIo, type Io } from './commands/io.js';

export function program(io: Io, setExitCode: (code: number) => void): Command {
  const cli = new Command('ocindex')
    .description('Author, validate and print Global Organized Crime Index country profiles')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  registerValidate(cli, io, setExitCode);
  registerImport(cli, io, setExitCode);
  registerRender(cli, io, setExitCode);
  registerPreview(cli, io, setExitCode);
  registerNew(cli, io, setExitCode);
  registerExport(cli, io, setExitCode);
  registerSchema(cli, io);
  registerDiff(cli, io, setExitCode);
  return cli;
}

/** Runs the command line and resolves to the exit code; user mistakes never print a stack trace. */
export async function run(argv: string[], io: Io = processIo): Promise<number> {
  let code: number = exitCodes.ok;
  try {
    await program(io, (c) => (code = c)).parseAsync(argv);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? exitCodes.ok : exitCodes.failure;
    if (error instanceof InputError || error instanceof EditionError) {
      io.stderr(`ocindex: ${error.message}\n`);
      return exitCodes.failure;
    }
    throw error;
  }
}
