/** A function that runs inside the page: self-contained, as any function given to page.evaluate. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type InPageFunction = (...args: any[]) => unknown;

/**
 * Several functions that run inside the page, made into one, to be given to page.evaluate with one
 * list of arguments each: they run in order, each awaited, and the call resolves to their results;
 * a part that resolves to false ends the sequence there.
 * A DevTools call costs 1-2 ms (its round trip, compiling the function sent), as much as settling a
 * profile's text; laying a profile out makes one call instead of four. The parts travel as their
 * source, as page.evaluate sends any function; they are written into one function here, once.
 */
export function inSequence(...parts: InPageFunction[]): (...argumentLists: unknown[][]) => Promise<unknown[]> {
  const source = `async function inSequence(...argumentLists) {
  const parts = [${parts.map((part) => part.toString()).join(',\n')}];
  const results = [];
  for (let index = 0; index < parts.length; index++) {
    const result = await parts[index](...argumentLists[index]);
    results.push(result);
    if (result === false) break;
  }
  return results;
}`;
  // Sources of the toolkit's own in-page functions, composed once per process.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function(`return ${source}`)() as (...argumentLists: unknown[][]) => Promise<unknown[]>;
}
