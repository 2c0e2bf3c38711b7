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

/** A problem with how the toolkit is called or what surrounds it: exit code 2. */
export abstract class UsageError extends OcindexError {
  readonly exitCode = exitCodes.failure;
}

/** A problem of the content itself: exit code 1. */
export abstract class ContentError extends OcindexError {
  readonly exitCode = exitCodes.contentErrors;
}

/** A problem with the command's input itself (missing path, unreadable file, bad option or settings). */
export class InputError extends UsageError {}

/** A file or folder that cannot be written: an input/output failure, said in one line. */
export class WriteError extends InputError {}

/** An edition file that cannot be loaded. */
export class EditionError extends UsageError {}

/** A template that cannot be filled: a misspelled name, an unclosed section, a missing partial. */
export class TemplateError extends UsageError {}

/** A stylesheet refers to something that cannot be inlined: the PDF must never fetch anything. */
export class AssetError extends UsageError {}

/** No Chromium could be found or launched: the user has something to install. */
export class BrowserError extends UsageError {}

/** The profile's narrative does not fit its printed pages: the message says where and by how much. */
export class CopyFitError extends ContentError {}

/** A profile that printed otherwise than on its two pages although the copy-fit check passed. */
export class PageCountError extends ContentError {}

/** Work on one profile that did not finish in the time allowed. */
export class TimeoutError extends ContentError {}

/** The first line of an error's message (a stack or a browser's log may follow it), for one-line reports. */
export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

/** Errors that stop a whole run before or while printing, not one profile: a usage error, exit 2. */
export function stopsTheRun(error: unknown): error is TemplateError | AssetError | BrowserError {
  return error instanceof TemplateError || error instanceof AssetError || error instanceof BrowserError;
}

/** The exit code of a user-facing error, or undefined for anything else (a bug). */
export function exitCodeOf(error: unknown): ExitCode | undefined {
  return error instanceof OcindexError ? error.exitCode : undefined;
}
