import type { Command } from 'commander';
import type { Io, SetExitCode } from './io.js';

// Placeholder: the `new` command is registered here.
export function registerNew(_cli: Command, _io: Io, _setExitCode: SetExitCode): void {}
