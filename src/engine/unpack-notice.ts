/**
 * Told once, before the first unpacking of the bundled Chromium, which takes a while in silence
 * otherwise. The command line sets it to stderr; a module of its own so that setting it loads nothing.
 */
export const unpackNotice: { write: (line: string) => void } = { write: () => undefined };
