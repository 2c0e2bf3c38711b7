import { beforeAll, describe, expect, it } from 'vitest';
import { warmPageSession } from '../testing/warm-page.js';
import { measureFit } from './copy-fit.js';
import { renderHtml } from '../html/html.js';
import { validProfile, withCriminalityEnd } from '../testing/fixtures.js';
import { azerbaijan2021, replaceOnce } from '../testing/support.js';

/** What the laid-out narrative looks like, line by line, measured in the page. */
interface FlowReport {
  grid: number;
  /** Each text line's box centre below the top of its narrative box, in px. */
  centres: number[];
  /** Lines of each part of a paragraph split over columns. */
  splitParagraphs: number[][];
  /** Headings whose next block starts in another column. */
  strandedHeadings: string[];
  /** Soft hyphens left that print nothing (the PDF step soft-hyphens drops them from the text). */
  invisibleHyphens: number;
  /** The longest run of consecutive lines of one paragraph ending in a hyphen. */
  longestHyphenRun: number;
  hyphenatedLines: number;
}

function flowReport(): FlowReport {
  const range = document.createRange();
  const boxes = Array.from(document.querySelectorAll<HTMLElement>('[data-fit-page]'));
  const grid = parseFloat(getComputedStyle(boxes[0] as HTMLElement).lineHeight);
  const report: FlowReport = { grid, centres: [], splitParagraphs: [], strandedHeadings: [], invisibleHyphens: 0, longestHyphenRun: 0, hyphenatedLines: 0 };
  for (const box of boxes) {
    const frame = box.getBoundingClientRect();
    const inside = (r: DOMRect) => r.width > 0 && r.left < frame.right - 1 && r.bottom <= frame.bottom + 1;
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    const hyphenLines: { block: Element | null; left: number; top: number }[] = [];
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      range.selectNodeContents(node);
      for (const rect of Array.from(range.getClientRects()).filter(inside)) report.centres.push(rect.top + rect.height / 2 - frame.top);
      const letter = (text: Text, i: number) => {
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        return Array.from(range.getClientRects()).filter((r) => r.width > 0).at(-1);
      };
      for (let i = node.data.indexOf('\u00AD'); i !== -1; i = node.data.indexOf('\u00AD', i + 1)) {
        // At a line end, the letter after the hyphen starts the next line.
        const [before, after] = [letter(node, i - 1), letter(node, i + 1)];
        if (!before || !after || Math.abs(after.top - before.top) < 1) report.invisibleHyphens++;
        else hyphenLines.push({ block: node.parentElement?.closest('p, li') ?? null, left: before.left, top: before.top });
      }
    }
    report.hyphenatedLines += hyphenLines.length;
    let run = 1;
    hyphenLines.forEach((line, k) => {
      const previous = hyphenLines[k - 1];
      run = previous && previous.block === line.block && Math.abs(line.top - previous.top - grid) < 1 ? run + 1 : 1;
      report.longestHyphenRun = Math.max(report.longestHyphenRun, run);
    });
    for (const block of Array.from(box.querySelectorAll('p, li'))) {
      const parts = Array.from(block.getClientRects()).filter(inside);
      if (parts.length > 1) report.splitParagraphs.push(parts.map((r) => Math.round(r.height / grid)));
    }
    for (const heading of Array.from(box.querySelectorAll('h3, h4, h5, h6'))) {
      const next = heading.nextElementSibling?.getClientRects()[0];
      const own = heading.getBoundingClientRect();
      if (inside(own) && next && Math.abs(next.left - own.left) > 1) report.strandedHeadings.push(heading.textContent ?? '');
    }
  }
  return report;
}

const session = warmPageSession();

async function reportOf(markdown: string): Promise<FlowReport & { softHyphens: number }> {
  const { softHyphens } = await session.warm.layOut(renderHtml(validProfile(markdown)));
  return { ...(await session.page.evaluate(flowReport)), softHyphens };
}

/** Azerbaijan with its page-1 narrative shortened and lists, a quote and a rule added, still fitting. */
const mixed = replaceOnce(
  withCriminalityEnd('Findings in brief:\n\n- smuggling routes through the Caucasus and across the Caspian Sea\n- state-embedded actors\n\n> A quotation from the report, set apart from the text.\n\n---\n\n1. first\n2. second'),
  /\n### Environment\n[\s\S]*?\n### Drugs\n/.exec(azerbaijan2021)?.[0] ?? '',
  '\n### Drugs\n',
);

/** Long words only: hyphenated line ends pile up unless they are limited. */
const longWords = replaceOnce(
  withCriminalityEnd(Array.from({ length: 6 }, () => 'internationalization responsibilities characteristically institutionalized administrations counterproductive').join(' ')),
  /\n### Environment\n[\s\S]*?\n### Drugs\n/.exec(azerbaijan2021)?.[0] ?? '',
  '\n### Drugs\n',
);

describe.each([
  ['the published Azerbaijan 2021 profile', azerbaijan2021],
  ['a narrative with lists, a quotation and a rule', mixed],
  ['a paragraph of long words', longWords],
])('the printed narrative of %s', (_name, markdown) => {
  let report: FlowReport & { softHyphens: number };
  beforeAll(async () => {
    report = await reportOf(markdown);
  });

  it('fits its pages', async () => {
    expect((await measureFit(session.page)).every((fit) => fit.fits)).toBe(true);
  });

  it('keeps every line of both columns on one 10 pt grid', () => {
    expect(report.grid).toBeCloseTo((10 * 96) / 72, 3);
    expect(report.centres.length).toBeGreaterThan(200);
    // Chromium rounds each type size's ascent and descent to whole pixels: the smaller type of the
    // funding note sits a pixel off; half a line (6.7 px) or a paragraph's old 4 pt are far beyond.
    const offGrid = report.centres.map((centre) => Math.abs((centre % report.grid) - report.grid / 2)).filter((off) => off > report.grid / 10);
    expect(offGrid).toEqual([]);
  });

  it('leaves no single line of a paragraph alone at the top or bottom of a column', () => {
    for (const parts of report.splitParagraphs) for (const lines of parts) expect(lines).toBeGreaterThanOrEqual(2);
  });

  it('never ends a column with a heading', () => {
    expect(report.strandedHeadings).toEqual([]);
  });

  it('prints a hyphen only where a line ends, at most two lines in a row, and reports the soft hyphens of its text', () => {
    expect(report.longestHyphenRun).toBeLessThanOrEqual(2);
    // The soft hyphens no line ends at stay in the page; the count the page reports is what decides
    // whether the PDF step runs, so it must be right.
    expect(report.invisibleHyphens).toBeGreaterThan(0);
    expect(report.softHyphens).toBe(report.invisibleHyphens + report.hyphenatedLines);
  });
});

describe('hyphenation in the published profile', () => {
  it('breaks some lines inside words, and so evens the right edge', async () => {
    const report = await reportOf(azerbaijan2021);
    expect(report.hyphenatedLines).toBeGreaterThan(20);
    expect(report.splitParagraphs.length).toBeGreaterThan(0);
  });
});
