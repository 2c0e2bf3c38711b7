import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { InputError } from '../errors.js';
import { displayPath, folderIdentity, isProfileFileName } from '../read/collect.js';
import { readBounded } from '../read/bounded.js';

const identityOf = async (path: string) => {
  const info = await stat(path).catch(() => undefined);
  return info ? folderIdentity(info) : undefined;
};

/**
 * Output never harms input: refuses (exit 2) to write `out` when it is, by device and inode
 * (whatever the links and spellings), a file the run read, or when it is a profile: a Markdown
 * file that starts with front-matter. `what` names the output ("the export").
 */
export async function refuseToOverwriteInput(out: string, inputs: string[], what: string): Promise<void> {
  const target = await identityOf(out);
  if (target === undefined) return;
  const identities = await Promise.all(inputs.map(identityOf));
  const input = inputs.find((_, index) => identities[index] === target);
  if (input !== undefined) {
    throw new InputError(`${displayPath(out)}: is ${displayPath(input) === displayPath(out) ? 'an input' : `${displayPath(input)}, an input`} of this run; write ${what} to another file`);
  }
  if (isProfileFileName(basename(out))) {
    const head = await readBounded(out, 1024 * 1024, 'a profile');
    if ('bytes' in head && /^(\uFEFF)?---\r?\n/.test(Buffer.from(head.bytes.subarray(0, 8)).toString('utf8'))) {
      throw new InputError(`${displayPath(out)}: is a profile; write ${what} to another file`);
    }
  }
}
