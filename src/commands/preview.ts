import type { Command } from 'commander';
import type { Io, SetExitCode } from './io.js';

// Placeholder: the `preview` command is registered here.
export function registerPreview(_cli: Command, _io: Io, _setExitCode: SetExitCode): void {}
