/** Where a command writes; tests pass their own. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal (colour, progress bars). */
  interactive: boolean;
}

/**
 * Streams whose reader went away (`ocindex diff … | head`): what is written to them afterwards is
 * dropped, so the command ends as it would have, with its own exit code, and no `write EPIPE` stack
 * trace. Node reports a closed pipe as an 'error' event on the stream, which would otherwise be an
 * uncaught exception.
 */
const closed = new WeakSet<NodeJS.WriteStream>();

function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
    closed.add(stream);
  });
}

function writer(stream: NodeJS.WriteStream): (text: string) => void {
  return (text) => {
    if (!closed.has(stream) && !stream.destroyed) stream.write(text);
  };
}

let listening = false;

/** The process's own streams, set to end quietly when their reader closes. */
export function processStreams(): Io {
  if (!listening) {
    endQuietlyOnClosedPipe(process.stdout);
    endQuietlyOnClosedPipe(process.stderr);
    listening = true;
  }
  return processIo;
}

const processIo: Io = {
  stdout: writer(process.stdout),
  stderr: writer(process.stderr),
  interactive: Boolean(process.stdout.isTTY) && !process.env.CI,
};

export type SetExitCode = (code: number) => void;
