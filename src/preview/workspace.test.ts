import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../validate/corpus.js';
import { Workspace } from './workspace.js';
import { azerbaijan2021, azerbaijan2021French, bundledDictionary, emptyFolder, replaceOnce } from '../testing/support.js';


async function workspaceOf(files: Record<string, string>): Promise<{ content: string; workspace: Workspace }> {
  const content = emptyFolder();
  mkdirSync(join(content, 'goci-2021'));
  mkdirSync(join(content, 'goci-2021', 'fr'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(content, 'goci-2021', name), text);
  return { content, workspace: new Workspace(content, await loadCorpus([content])) };
}

const messagesOf = (workspace: Workspace, key: string) => workspace.profiles.get(key)?.file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`);

describe('Workspace with bad files', () => {
  it('keeps a file the parser refuses in its index, with its message, and the last printable version', async () => {
    const { content, workspace } = await workspaceOf({ 'azerbaijan.md': azerbaijan2021 });
    const path = join(content, 'goci-2021', 'azerbaijan.md');
    writeFileSync(path, azerbaijan2021.replace(/^funding: >-\n(?: {2}.*\n)+/m, 'funding: *Pending*\n'));
    const update = await workspace.update([path]);
    expect(update.changed).toEqual(['goci-2021/azerbaijan']);
    expect(messagesOf(workspace, 'goci-2021/azerbaijan')).toEqual([expect.stringMatching(/^7:10 frontmatter \*Pending\* is a YAML alias/)]);
    expect(workspace.profiles.get('goci-2021/azerbaijan')?.printed).toBeDefined();
  });

  it('keeps a pipe or a link to a device in its index with a file message, and drops a file that is gone', async () => {
    const { content, workspace } = await workspaceOf({ 'azerbaijan.md': azerbaijan2021 });
    const pipe = join(content, 'goci-2021', 'albania.md');
    const zero = join(content, 'goci-2021', 'algeria.md');
    execFileSync('mkfifo', [pipe]);
    symlinkSync('/dev/zero', zero);
    await workspace.update([pipe, zero]);
    expect(messagesOf(workspace, 'goci-2021/albania')).toEqual(['1:1 file is a named pipe, not a file; a profile is a regular file']);
    expect(messagesOf(workspace, 'goci-2021/algeria')).toEqual(['1:1 file is a device, not a file; a profile is a regular file']);
    rmSync(pipe);
    const update = await workspace.update([pipe]);
    expect(update.changed).toEqual(['goci-2021/albania']);
    expect(workspace.profiles.has('goci-2021/albania')).toBe(false);
  });
});

describe('Workspace with a translation', { timeout: 120_000 }, () => {
  it('checks a saved translation with its source, and a revised source makes it stale', async () => {
    // The names of both narratives (Aliyev, Goychay) are the content folder's words.
    const { content, workspace } = await workspaceOf({ 'azerbaijan.md': azerbaijan2021, 'fr/azerbaijan.md': azerbaijan2021French, '../.dictionary': readFileSync(bundledDictionary, 'utf8') });
    expect(messagesOf(workspace, 'goci-2021/fr/azerbaijan')).toEqual([]);
    const translation = join(content, 'goci-2021', 'fr', 'azerbaijan.md');
    writeFileSync(translation, replaceOnce(azerbaijan2021French, 'status: final', 'status: review'));
    await workspace.update([translation]);
    expect(messagesOf(workspace, 'goci-2021/fr/azerbaijan')).toEqual([]);
    expect(workspace.profiles.get('goci-2021/fr/azerbaijan')?.entry?.data.status).toBe('review');
    const source = join(content, 'goci-2021', 'azerbaijan.md');
    writeFileSync(source, replaceOnce(azerbaijan2021, 'Filipino women are reportedly', 'Filipino women are'));
    const update = await workspace.update([source]);
    expect(update.revalidated).toContain('goci-2021/fr/azerbaijan');
    expect(messagesOf(workspace, 'goci-2021/fr/azerbaijan')).toEqual([expect.stringMatching(/translation-current section 'Criminalité \/ Marchés criminels \/ Personnes' \(Criminality \/ Criminal markets \/ People\) changed in /)]);
  });
});
