// Loaded with `node --import`: logs the URL of every module the process imports to the file named by
// OCINDEX_IMPORT_LOG, one a line (the hooks run in a thread of their own, so they append to a file).
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(process.env.OCINDEX_IMPORT_LOG, resolved.url + '\\n');
  return resolved;
}`)}`,
);
