import { TimeoutError } from '../errors.js';

/** Settles like `work`, or rejects with a TimeoutError after `ms`; the timer never outlives the race. */
export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`timed out after ${ms / 1000} s`)), ms);
  });
  // Work abandoned at the timeout may fail later (its page is closed meanwhile); that is of no interest.
  work.catch(() => undefined);
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Whether `work` settles, resolved or rejected, within `ms`. */
export function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  return withTimeout(
    work.then(
      () => true,
      () => true,
    ),
    ms,
  ).catch(() => false);
}
