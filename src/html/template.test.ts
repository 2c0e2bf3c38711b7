import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AssetError, TemplateError } from '../errors.js';
import { inlineAssets } from './assets.js';
import { fillTemplate } from './template.js';
import { tempFolder } from '../testing/support.js';

describe('fillTemplate', () => {
  const view = { title: 'Bosnia & <Herzegovina>', html: '<em>safe</em>', items: [{ label: 'a' }, { label: 'b' }], empty: [], none: null, nested: { value: 5.5 } };

  it('escapes values, keeps {{{raw}}} HTML, repeats lists, shows inverted sections when empty', () => {
    const out = fillTemplate('<h1 title="{{title}}">{{title}}</h1>{{{html}}}<ul>{{#items}}<li>{{label}} of {{title}}</li>{{/items}}</ul>{{^empty}}no items{{/empty}}{{#none}}hidden{{/none}}{{nested.value}}', view);
    expect(out).toBe('<h1 title="Bosnia &amp; &lt;Herzegovina&gt;">Bosnia &amp; &lt;Herzegovina&gt;</h1><em>safe</em><ul><li>a of Bosnia &amp; &lt;Herzegovina&gt;</li><li>b of Bosnia &amp; &lt;Herzegovina&gt;</li></ul>no items5.5');
  });

  it('includes partials, which see the current item', () => {
    expect(fillTemplate('{{#items}}{{> row}}{{/items}}', view, { row: '[{{label}}]' })).toBe('[a][b]');
  });

  it('fails loudly on a name the view lacks, an unclosed section, a missing partial or a list printed as text', () => {
    expect(() => fillTemplate('{{titel}}', view, {}, 'profile.html')).toThrow(new TemplateError("profile.html: the view has no 'titel'"));
    expect(() => fillTemplate('{{#items}}x', view)).toThrow(/never closed/);
    expect(() => fillTemplate('{{#items}}x{{/empty}}', view)).toThrow(/does not close/);
    expect(() => fillTemplate('{{> nope}}', view)).toThrow(/no partial template 'nope'/);
    expect(() => fillTemplate('{{items}}', view)).toThrow(/is a list; use \{\{#items\}\}/);
  });
});

describe('inlineAssets', () => {
  const folder = tempFolder();
  const css = join(folder, 'profile.css');
  writeFileSync(join(folder, 'mark.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');

  it('inlines a file beside the stylesheet and a package file as data: URLs, and drops comments', () => {
    const out = inlineAssets("/* url(nothing) @import */ .a { background: url(./mark.svg) } @font-face { src: url('@fontsource/source-sans-3/files/source-sans-3-latin-400-normal.woff2') }", css);
    expect(out).not.toContain('/*');
    expect(out).toContain(`url("data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64')}")`);
    expect(out).toMatch(/url\("data:font\/woff2;base64,d09GMg/);
  });

  it.each(['https://fonts.example/x.woff2', 'http://x/y.png', 'file:///etc/passwd', '//cdn.example/x.css', '/etc/passwd', '../outside.png', './missing.png', 'no-such-package/x.woff2'])('refuses url(%s)', (reference) => {
    expect(() => inlineAssets(`.a { background: url("${reference}") }`, css)).toThrow(AssetError);
  });

  it('refuses @import', () => {
    expect(() => inlineAssets('@import "other.css";', css)).toThrow(/@import is not allowed/);
  });
});
