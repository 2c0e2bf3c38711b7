import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UndeclaredColourError, UnconvertibleColourError, type PressOptions } from '../postprocess/press/index.js';
import type { PdfContext } from '../postprocess/step.js';
import { finishPrints, type FinishedFile, type Finisher, type TargetPrint } from './targets.js';

/** A profile's prints to finish, with what their steps need (plain data: it is copied to the thread). */
export interface FinishRequest {
  id: number;
  prints: TargetPrint[];
  context: PdfContext;
  press?: PressOptions;
}

/** What the thread throws, as data: the batch tells a template's colour errors from the rest. */
export type Thrown = { kind: 'undeclared-colours'; colours: string[] } | { kind: 'unconvertible-colour' | 'other'; message: string };

export type FinishReply = { id: number; files: FinishedFile[] } | { id: number; thrown: Thrown };

/** What the thread threw, as data that can be sent back. */
export function describeThrown(error: unknown): Thrown {
  if (error instanceof UndeclaredColourError) return { kind: 'undeclared-colours', colours: error.colours };
  const message = error instanceof Error ? error.message : String(error);
  return { kind: error instanceof UnconvertibleColourError ? 'unconvertible-colour' : 'other', message };
}

/** What the thread threw, thrown again on this side: the same class for a template's colour errors. */
export function rebuildThrown(thrown: Thrown): Error {
  if (thrown.kind === 'undeclared-colours') return new UndeclaredColourError(thrown.colours);
  return thrown.kind === 'unconvertible-colour' ? new UnconvertibleColourError(thrown.message) : new Error(thrown.message);
}

/** The thread's script, built beside this module (lib/render/, or lib/bundle/ for the command line). */
const script = new URL('./finish-worker.js', import.meta.url);

/**
 * Finishes the prints of a batch (post-processing and preflight) on a thread of its own. On the main
 * thread they held up the pages: Node's one thread also drives the browser, and a page that waits
 * for a reply waits for the finishing of another profile; measured, the main thread was the
 * bottleneck of a whole render. The profiles' files are finished one at a time, in order; a thread
 * that dies fails the files it held, and the rest are finished on the main thread.
 */
export class FinishingThread {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (files: FinishedFile[]) => void; reject: (error: Error) => void }>();
  #next = 0;
  #stopped: Error | undefined;

  private constructor() {
    this.#worker = new Worker(script);
    this.#worker.on('message', (reply: FinishReply) => {
      const pending = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      if ('files' in reply) pending?.resolve(reply.files);
      else pending?.reject(rebuildThrown(reply.thrown));
    });
    const stop = (error: Error) => {
      this.#stopped ??= error;
      for (const pending of this.#pending.values()) pending.reject(new Error(`the finishing thread stopped: ${error.message}`));
      this.#pending.clear();
    };
    this.#worker.on('error', stop);
    this.#worker.on('exit', (code) => stop(new Error(`it exited with code ${code}`)));
  }

  /** A finishing thread, where the built script is there; none when running from the TypeScript sources (tests). */
  static open(): FinishingThread | undefined {
    return existsSync(fileURLToPath(script)) ? new FinishingThread() : undefined;
  }

  readonly finish: Finisher = (prints, context, press) => {
    if (this.#stopped) return finishPrints(prints, context, press);
    const id = this.#next++;
    return new Promise<FinishedFile[]>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      const request: FinishRequest = { id, prints, context, ...(press ? { press } : {}) };
      this.#worker.postMessage(request);
    });
  };

  async close(): Promise<void> {
    await this.#worker.terminate();
  }
}
