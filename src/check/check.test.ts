import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { azerbaijan2021, lineOf, replaceOnce, runCli } from '../testing/support.js';
import { git, inFolder, removeAll, repositoryWithEdition } from '../testing/git-repo.js';

const made: string[] = [];
afterEach(() => {
  removeAll(made);
  vi.unstubAllEnvs();
});

/** A paragraph of the criminal actors section; three more of it cannot fit on page 1. */
const longParagraph = azerbaijan2021.split('\n').find((line) => line.startsWith('The repressive and authoritarian government')) ?? '';
const overflowing = replaceOnce(azerbaijan2021, '\n# Resilience\n', `\n${[longParagraph, longParagraph, longParagraph].join('\n\n')}\n\n# Resilience\n`);

describe('ocindex check, the gate', () => {
  it('on a pull request: a changed profile that overflows fails with its page, lines and section; the others are not checked', async () => {
    const repo = repositoryWithEdition(made);
    git(repo, 'checkout', '-qb', 'pr');
    writeFileSync(join(repo, 'content/goci-2021/azerbaijan.md'), overflowing);
    git(repo, 'commit', '-qam', 'a longer narrative');

    const human = await inFolder(repo, () => runCli('check', '--changed', 'main'));
    expect(human.code).toBe(1);
    const [message, translation, summary] = human.stdout.trimEnd().split('\n');
    // Reported at the heading of the section where the text is cut.
    const cut = /cut in section '([^']+)'/.exec(message ?? '')?.[1] ?? '';
    const heading = lineOf(overflowing, `# ${cut}\n`);
    expect(message).toMatch(new RegExp(`^content/goci-2021/azerbaijan\\.md:${heading}:1 +error +page 1 \\(criminality\\) overflows by \\d+ lines, cut in section '${cut}' +copy-fit$`));
    // The French translation of the changed profile is checked too: its section is now behind.
    expect(translation).toMatch(/^content\/goci-2021\/fr\/azerbaijan\.md:\d+:\d+ +error +section '.*' \(Criminality \/ Criminal actors\) changed in .* +translation-current$/);
    expect(summary).toBe('2 profiles checked: 2 errors, 0 warnings');

    // A team that only wants to be warned says so in the config, as for any rule.
    writeFileSync(join(repo, 'ocindex.config.json'), '{ "rules": { "copy-fit": "warning", "translation-current": "warning" } }');
    const warned = await inFolder(repo, () => runCli('check', '--changed', 'main'));
    expect(warned).toMatchObject({ code: 0, stdout: expect.stringMatching(/warning +page 1 \(criminality\) overflows[^]*\n2 profiles checked: 0 errors, 2 warnings\n$/) });
    rmSync(join(repo, 'ocindex.config.json'));

    const github = await inFolder(repo, () => runCli('check', '--changed', 'main', '--format', 'github'));
    expect(github.stdout).toMatch(new RegExp(`^::error file=content/goci-2021/azerbaijan\\.md,line=${heading},col=1,title=ocindex copy-fit::page 1 \\(criminality\\) overflows by \\d+ lines`, 'm'));
  }, 120_000);

  it('passes the bundled final profile, and says when nothing changed', async () => {
    const repo = repositoryWithEdition(made);
    const ok = await inFolder(repo, () => runCli('check', 'content/goci-2021/azerbaijan.md', '--format', 'json'));
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ profiles: 1, errors: 0, warnings: 0, summary: '1 profile checked: 0 errors, 0 warnings' });
    const none = await inFolder(repo, () => runCli('check', '--changed'));
    expect(none).toMatchObject({ code: 0, stdout: '0 profiles checked: 0 errors, 0 warnings\n', stderr: 'ocindex: no profile in content changed since HEAD\n' });
    const nothing = await inFolder(repo, () => runCli('render', '--changed'));
    expect(nothing).toMatchObject({ code: 0, stdout: 'no profile in content changed since HEAD: nothing to render\n', stderr: '' });
  }, 120_000);

  it('reports rule errors like validate and does not measure a profile that cannot print', async () => {
    const repo = repositoryWithEdition(made);
    const path = join(repo, 'content/goci-2021/azerbaijan.md');
    writeFileSync(path, replaceOnce(readFileSync(path, 'utf8'), 'score: 4.15', 'score: 4.16'));
    const result = await inFolder(repo, () => runCli('check', 'content/goci-2021/azerbaijan.md'));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('error    criminality.criminal_markets.score is 4.16; the mean of its 10 indicators is 4.15  composite-score');
    expect(result.stdout).not.toContain('copy-fit');
  });

  it('exits 2 with a clear message when there is no browser', async () => {
    vi.stubEnv('OCINDEX_BROWSER', 'env');
    vi.stubEnv('PUPPETEER_EXECUTABLE_PATH', '');
    const result = await runCli('check', 'content/goci-2021/azerbaijan.md');
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toMatch(/^ocindex: copy-fit needs Chromium: no Chromium found/);
  });
});
