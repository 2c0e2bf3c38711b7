import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { InputError } from '../errors.js';

/** Above this a file is not read at all: `stat` says so first, and a read stops one byte past it. */
export const maxReadBytes = 1024 * 1024;

export type BoundedRead = { bytes: Uint8Array } | { unreadable: string };

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const kinds: [keyof Stats, string][] = [
  ['isFIFO', 'a named pipe'],
  ['isCharacterDevice', 'a device'],
  ['isBlockDevice', 'a device'],
  ['isSocket', 'a socket'],
  ['isDirectory', 'a folder'],
];

/** Why a file opened for reading is refused before a byte is read, if it is. */
function refusal(info: Stats, limit: number, what: string): string | undefined {
  if (!info.isFile()) {
    const kind = kinds.find(([test]) => (info[test] as () => boolean).call(info))?.[1] ?? 'not a regular file';
    return `is ${kind}, not a file; ${what} is a regular file`;
  }
  if (info.size > limit) return `file is ${megabytes(info.size)}; ${what} may be at most ${megabytes(limit)}`;
  return undefined;
}

const tooLarge = (limit: number, what: string) => `file is larger than ${megabytes(limit)}; ${what} may be at most ${megabytes(limit)}`;
const cannotRead = (error: unknown) => `cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;

/**
 * A name that is not UTF-8 comes back from the folder with U+FFFD in place of its bytes, and no
 * file has that name: say so rather than "not found".
 */
export const notUtf8Name = 'its name is not valid UTF-8 (shown with \uFFFD), so it cannot be opened by it; rename the file';
const openFailure = (path: string, error: unknown) => ((error as NodeJS.ErrnoException).code === 'ENOENT' && path.includes('\uFFFD') ? notUtf8Name : cannotRead(error));

/**
 * Room for the size stat gives and one byte more, to see the end; a file that grows while it is
 * read gets more room, up to the limit (a megabyte zero-filled for each file was a third of the
 * time of reading the bundled content).
 */
const firstBuffer = (size: number, limit: number) => Buffer.allocUnsafe(Math.min(size, limit) + 1);
const grown = (buffer: Buffer, limit: number) => Buffer.concat([buffer, Buffer.allocUnsafe(Math.min(buffer.length, limit + 1 - buffer.length))]);

// Opened without blocking, so that a named pipe never hangs the run.
const readFlags = constants.O_RDONLY | constants.O_NONBLOCK;

/** What reading a file asks of the file it has open: its stat, or bytes into a buffer. */
type Request = { stat: true } | { buffer: Buffer; offset: number; length: number };

/**
 * A bounded read as steps, each a request the caller answers (with a Stats, or the bytes read):
 * one logic for the asynchronous reader and the synchronous one.
 */
function* reading(limit: number, what: string): Generator<Request, BoundedRead, Stats | number> {
  const info = (yield { stat: true }) as Stats;
  const refused = refusal(info, limit, what);
  if (refused) return { unreadable: refused };
  let buffer = firstBuffer(info.size, limit);
  let length = 0;
  for (;;) {
    if (length === buffer.length) buffer = grown(buffer, limit);
    const bytesRead = (yield { buffer, offset: length, length: buffer.length - length }) as number;
    if (bytesRead === 0) return { bytes: buffer.subarray(0, length) };
    length += bytesRead;
    if (length > limit) return { unreadable: tooLarge(limit, what) };
  }
}

/**
 * Reads at most `limit` bytes of a regular file. A pipe, device or socket (or a link to one, such
 * as /dev/zero) is refused before anything is read, and a file larger than the limit is refused by
 * its size, then by a read that stops one byte past the limit (for a file that grows meanwhile).
 * `what` names the file's kind in the reasons ("a profile", "a PDF").
 */
export async function readBounded(path: string, limit = maxReadBytes, what = 'a profile'): Promise<BoundedRead> {
  const handle = await open(path, readFlags).catch((error: unknown) => openFailure(path, error));
  if (typeof handle === 'string') return { unreadable: handle };
  const steps = reading(limit, what);
  try {
    let step = steps.next();
    while (!step.done) step = steps.next('stat' in step.value ? await handle.stat() : (await handle.read(step.value.buffer, step.value.offset, step.value.length, step.value.offset)).bytesRead);
    return step.value;
  } catch (error) {
    return { unreadable: cannotRead(error) };
  } finally {
    await handle.close();
  }
}

/** readBounded for the files read while a module loads (templates, house style, editions, ICC profiles). */
export function readBoundedSync(path: string, limit = maxReadBytes, what = 'the file'): BoundedRead {
  let fd: number;
  try {
    fd = openSync(path, readFlags);
  } catch (error) {
    return { unreadable: openFailure(path, error) };
  }
  const answer = (request: Request) => ('stat' in request ? fstatSync(fd) : readSync(fd, request.buffer, request.offset, request.length, request.offset));
  try {
    const steps = reading(limit, what);
    for (let step = steps.next(); ; step = steps.next(answer(step.value))) if (step.done) return step.value;
  } catch (error) {
    return { unreadable: cannotRead(error) };
  } finally {
    closeSync(fd);
  }
}

/** How a read that must succeed names the file in its error ("ocindex.config.json"). */
export interface ReadInput {
  /** The path as messages show it. */
  shown: string;
  limit?: number;
  what?: string;
}

function bytesOrThrow(read: BoundedRead, shown: string): Buffer {
  if ('unreadable' in read) throw new InputError(`${shown}: ${read.unreadable}`);
  return Buffer.from(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength);
}

/** A file the run needs (a config, a PDF, a word list): its bytes, or one InputError naming it. */
export async function readInput(path: string, { shown, limit = maxReadBytes, what = 'the file' }: ReadInput): Promise<Buffer> {
  return bytesOrThrow(await readBounded(path, limit, what), shown);
}

/** readInput for files read while a module loads. */
export function readInputSync(path: string, { shown, limit = maxReadBytes, what = 'the file' }: ReadInput): Buffer {
  return bytesOrThrow(readBoundedSync(path, limit, what), shown);
}
