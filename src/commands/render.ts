import type { Command } from 'commander';
import type { Io, SetExitCode } from './io.js';

// Placeholder: the `render` command is registered here.
export function registerRender(_cli: Command, _io: Io, _setExitCode: SetExitCode): void {}
