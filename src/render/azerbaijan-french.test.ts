import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Edition } from '../edition/edition.js';
import { validProfile, validTranslation } from '../testing/fixtures.js';
import { layout, readPdf, squash } from '../testing/render.js';
import { azerbaijan2021, azerbaijan2021French, tempFolder } from '../testing/support.js';
import { renderBatch } from './batch.js';
import { actualTexts } from '../testing/outsider.js';

/** Every English term a page of the edition prints besides the narrative: labels, headings, areas, title, publisher, footer, wording ("score" is French too). */
function englishTerms(edition: Edition): string[] {
  const groups = [...edition.criminality.groups, edition.resilience];
  const headings = (sections: Edition['outline']): string[] => sections.flatMap((s) => [s.heading, ...headings(s.sections)]);
  const areas = edition.countries.flatMap((c) => [c.continent.adjective, c.region.adjective]);
  return [...new Set([edition.criminality.label, ...groups.flatMap((g) => [g.label, ...g.indicators.map((i) => i.label)]), ...headings(edition.outline), ...areas, edition.title, edition.publisher, ...edition.footer, 'Criminality score', 'Resilience score', 'countries'])];
}

/** The English terms found in a PDF's text as pdftotext reads it (case aside: the panel prints labels in capitals). */
function englishIn(text: string, edition: Edition): string[] {
  const flat = squash(text).toLowerCase();
  return englishTerms(edition).filter((term) => new RegExp(`(?<![\\p{L}])${term.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(flat));
}

const pdftotext = (path: string): string => execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });

describe('Azerbaijan 2021 in French as PDF', () => {
  const out = tempFolder();
  const paths = { fr: join(out, 'azerbaijan.fr.pdf'), en: join(out, 'azerbaijan.pdf') };
  const french = validTranslation(azerbaijan2021French);

  beforeAll(async () => {
    const english = validProfile(azerbaijan2021);
    const outcomes = await renderBatch([{ entry: french, pdfPath: paths.fr }, { entry: english, pdfPath: paths.en }], { layout });
    expect(outcomes.map((o) => o.status)).toEqual(['written', 'written']);
  });

  it('fits its two pages and holds no English label', () => {
    const text = pdftotext(paths.fr);
    expect(text.split('\f').filter((page) => page.trim() !== '')).toHaveLength(2);
    expect(englishIn(text, french.edition)).toEqual([]);
    // The same check finds the labels of the English profile.
    expect(englishIn(pdftotext(paths.en), french.edition)).toEqual(expect.arrayContaining(['Criminal markets', 'Human trafficking', 'Asian', 'Criminality score', 'countries', 'Global Organized Crime Index 2021']));
  });

  it('prints the French terms, numbers and rank lines', () => {
    const text = squash(pdftotext(paths.fr));
    for (const expected of ['AZERBAÏDJAN', 'INDICE MONDIAL DU CRIME ORGANISÉ 2021', '5,08 SCORE DE CRIMINALITÉ', '83e sur 193 pays', '26e sur 46 pays d’Asie', '3e sur 8 pays d’Asie centrale et du Caucase', 'TRAITE DES ÊTRES HUMAINS', '4,50', 'RÉSILIENCE', 'Financement fourni par le gouvernement des États-Unis.']) {
      expect(text).toContain(expected);
    }
  });

  it('is in French for its reader: /Lang fr and a French title', async () => {
    const doc = await PDFDocument.load(readPdf(paths.fr), { updateMetadata: false });
    expect(doc.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('fr');
    expect(doc.getTitle()).toBe('Azerbaïdjan | Indice mondial du crime organisé 2021');
  });

  it("gives the tags of its capitals the French source's letter case (ActualText), as the English file gets the English", () => {
    const french = actualTexts(paths.fr);
    expect(french).toEqual(expect.arrayContaining(['Azerbaïdjan', 'Score de criminalité', 'Marchés criminels', 'Traite des êtres humains', 'Score de résilience']));
    expect(french).not.toContain('Criminal markets');
    expect(french).toHaveLength(actualTexts(paths.en).length);
  });
});
