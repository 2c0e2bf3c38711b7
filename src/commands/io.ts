/** Where a command writes; tests pass their own. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal (colour, progress bars). */
  interactive: boolean;
}

export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  interactive: Boolean(process.stdout.isTTY) && !process.env.CI,
};

/** Exit codes: 0 success, 1 the content has errors, 2 usage or input/output failure. */
export const exitCodes = { ok: 0, contentErrors: 1, failure: 2 } as const;

export type SetExitCode = (code: number) => void;
