/**
 * Every error the toolkit throws for a problem of its input or its surroundings, and the exit code
 * each means. The command line maps them in one place (cli.ts): a user mistake prints its message,
 * never a stack trace. Anything else thrown is a bug in the toolkit.
 */

/** Exit codes: 0 success, 1 the content has errors, 2 usage or input/output failure. */
export const exitCodes = { ok: 0, contentErrors: 1, failure: 2 } as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

/** A problem the user can fix, with the exit code it ends a command with. */
export abstract class OcindexError extends Error {
  abstract readonly exitCode: ExitCode;
  override get name(): string {
    return this.constructor.name;
  }
}

/** A problem with the command's input itself (missing path, unreadable file, bad option or settings). */
export class InputError extends OcindexError {
  readonly exitCode = exitCodes.failure;
}

/** An edition file that cannot be loaded. */
export class EditionError extends OcindexError {
  readonly exitCode = exitCodes.failure;
}

/** A template that cannot be filled: a misspelled name, an unclosed section, a missing partial. */
export class TemplateError extends OcindexError {
  readonly exitCode = exitCodes.failure;
}

/** A stylesheet refers to something that cannot be inlined: the PDF must never fetch anything. */
export class AssetError extends OcindexError {
  readonly exitCode = exitCodes.failure;
}

/** No Chromium could be found or launched: the user has something to install. */
export class BrowserError extends OcindexError {
  readonly exitCode = exitCodes.failure;
}

/** The profile's narrative does not fit its printed pages: the message says where and by how much. */
export class CopyFitError extends OcindexError {
  readonly exitCode = exitCodes.contentErrors;
}

/** A profile that printed otherwise than on its two pages although the copy-fit check passed. */
export class PageCountError extends OcindexError {
  readonly exitCode = exitCodes.contentErrors;
}

/** Work on one profile that did not finish in the time allowed. */
export class TimeoutError extends OcindexError {
  readonly exitCode = exitCodes.contentErrors;
}

/** Errors that stop a whole run before or while printing, not one profile: a usage error, exit 2. */
export function stopsTheRun(error: unknown): error is TemplateError | AssetError | BrowserError {
  return error instanceof TemplateError || error instanceof AssetError || error instanceof BrowserError;
}

/** The exit code of a user-facing error, or undefined for anything else (a bug). */
export function exitCodeOf(error: unknown): ExitCode | undefined {
  return error instanceof OcindexError ? error.exitCode : undefined;
}
