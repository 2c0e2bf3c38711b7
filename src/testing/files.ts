import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every Markdown file under a folder, by its path relative to it, with its text: two imports compare as wholes. */
export function markdownFiles(folder: string): Map<string, string> {
  const names = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.md')).sort();
  return new Map(names.map((n) => [n, readFileSync(join(folder, n), 'utf8')]));
}
