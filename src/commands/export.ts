import type { Command } from 'commander';
import type { Io, SetExitCode } from './io.js';

// Placeholder: the `export` command is registered here.
export function registerExport(_cli: Command, _io: Io, _setExitCode: SetExitCode): void {}
