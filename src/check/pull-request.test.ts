import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { replaceOnce, runCli } from '../testing/support.js';
import { git, inFolder, removeAll, repositoryWithEdition } from '../testing/git-repo.js';

const made: string[] = [];
afterEach(() => removeAll(made));

/** Kuwait and Qatar hold ranks that Azerbaijan's criminality, raised past theirs, takes from them. */
/** A message line without its column padding and the hint that names the repair (main's job, which checks everything, has none). */
const withoutRepairHint = (line: string) => line.replace(/ \(another profile.*\)/, '').replace(/ +/g, ' ');

const raisedHeroin = (text: string) => replaceOnce(text, 'heroin_trade: 6.0', 'heroin_trade: 9.5');

describe('a pull request that moves one score: the gate sees what main will see', () => {
  it('fails naming the profiles whose ranks it makes wrong, and passes after the repair it names', async () => {
    const repo = repositoryWithEdition(made);
    const azerbaijan = join(repo, 'content/goci-2021/azerbaijan.md');
    git(repo, 'checkout', '-qb', 'pr');
    writeFileSync(azerbaijan, raisedHeroin(readFileSync(azerbaijan, 'utf8')));

    // The author fixes the file they changed, as they would: its composites and its own ranks.
    const fixed = await inFolder(repo, () => runCli('validate', '--fix', 'content/goci-2021/azerbaijan.md'));
    expect(fixed.stdout).toContain('content/goci-2021/azerbaijan.md: criminality.score 5.08 -> ');
    // --fix of one file says whose ranks it moved and what writes them.
    expect(fixed.stdout).toMatch(/^ranks move in \d+ other profiles of content\/goci-2021, not written: [^\n]*Kuwait[^\n]*Qatar[^\n]*; `ocindex validate --fix content\/goci-2021` writes them$/m);
    // ... and the rank errors those profiles now carry, at their own lines.
    expect(fixed.code).toBe(1);
    expect(fixed.stdout).toMatch(/^content\/goci-2021\/kuwait\.md:\d+:\d+ +error +criminality\.rank\.global is \d+; .*\(another profile of goci-2021 changed; `ocindex validate --fix content\/goci-2021` repairs the edition\) +rank$/m);
    git(repo, 'commit', '-qam', 'Azerbaijan: heroin trade 9.5');

    // The pull-request job.
    const gate = await inFolder(repo, () => runCli('check', '--changed', 'main'));
    expect(gate.code).toBe(1);
    const flagged = [...new Set([...gate.stdout.matchAll(/^(content\/goci-2021\/[a-z-]+\.md):\d+:\d+ +error/gm)].map((m) => m[1]))];
    expect(flagged).toEqual(expect.arrayContaining(['content/goci-2021/kuwait.md', 'content/goci-2021/qatar.md']));
    expect(flagged).not.toContain('content/goci-2021/azerbaijan.md');
    // Azerbaijan and its French translation (which takes its scores from it), and the profiles it pushed down.
    expect(gate.stdout).toMatch(/\n2 profiles checked, \d+ other profiles affected: \d+ errors, 0 warnings\n$/);

    // Exactly what main's job finds: the same errors.
    const main = await inFolder(repo, () => runCli('validate', 'content'));
    expect(main.code).toBe(1);
    const mainErrors = main.stdout.split('\n').filter((line) => / error /.test(line)).map(withoutRepairHint);
    const gateErrors = gate.stdout.split('\n').filter((line) => / error /.test(line)).map(withoutRepairHint);
    expect(gateErrors.sort()).toEqual(mainErrors.sort());

    // The named repair, then the gate and main both pass.
    const repair = await inFolder(repo, () => runCli('validate', '--fix', 'content/goci-2021'));
    expect(repair.code).toBe(0);
    expect(repair.stdout).toContain('content/goci-2021/kuwait.md: criminality.rank.global ');
    git(repo, 'commit', '-qam', 'ranks of goci-2021');
    expect((await inFolder(repo, () => runCli('check', '--changed', 'main'))).code).toBe(0);
    expect((await inFolder(repo, () => runCli('validate', 'content'))).code).toBe(0);
  }, 180_000);

  it('reads the rest of an edition a profile was deleted from, though no profile changed', async () => {
    const repo = repositoryWithEdition(made);
    git(repo, 'checkout', '-qb', 'pr');
    rmSync(join(repo, 'content/goci-2021/chad.md'));
    git(repo, 'commit', '-qam', 'no Chad');
    // Nothing changed is left to check, but the edition is: the gate reads it (a deletion leaves ranks consistent).
    const deleted = await inFolder(repo, () => runCli('check', '--changed', 'main', '--format', 'json'));
    expect(JSON.parse(deleted.stdout)).toMatchObject({ profiles: 0, errors: 0, warnings: 1 });
    expect(JSON.parse(deleted.stdout).messages[0].message).toMatch(/^the corpus holds 192 of the 193 countries of goci-2021/);
  }, 120_000);

  it('checks the translations of a changed source: a section changed since it was translated fails the gate, as it fails main', async () => {
    const repo = repositoryWithEdition(made);
    const azerbaijan = join(repo, 'content/goci-2021/azerbaijan.md');
    git(repo, 'checkout', '-qb', 'pr');
    writeFileSync(azerbaijan, replaceOnce(readFileSync(azerbaijan, 'utf8'), 'generally takes the form of', 'mostly takes the form of'));
    git(repo, 'commit', '-qam', 'Azerbaijan: a word of the People section');
    const gate = await inFolder(repo, () => runCli('check', '--changed', 'main'));
    expect(gate.code).toBe(1);
    expect(gate.stdout).toMatch(/^content\/goci-2021\/fr\/azerbaijan\.md:\d+:\d+ +error +.*'Criminalité \/ Marchés criminels \/ Personnes' \(Criminality \/ Criminal markets \/ People\).* +translation-current$/m);
    const main = await inFolder(repo, () => runCli('validate', 'content'));
    expect(main.code).toBe(1);
    expect(main.stdout).toContain('content/goci-2021/fr/azerbaijan.md');
  }, 120_000);
});
