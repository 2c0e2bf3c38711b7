import type { Page } from 'puppeteer';

/** Whether a page's narrative fits its box, and if not, by how much and where it is cut. */
export interface PageFit {
  page: 1 | 2;
  fits: boolean;
  overflowLines: number;
  /** Heading of the section where the text is cut, e.g. "Criminal actors". */
  cutSection?: string;
}

/** What the page reports per narrative box ([data-fit-page] in templates/profile.html). */
interface BoxMeasure {
  page: number;
  overflowHeight: number;
  lineHeight: number;
  cutSection: string | null;
}

/**
 * Runs inside the page. The box is a fixed-size multi-column flow with column-fill: auto, so text that
 * does not fit goes on in extra columns beyond the box's right edge (hidden by overflow). The overflow
 * is the height those extra columns fill, plus anything taller than the box (an unbreakable block).
 */
function measureBoxes(): BoxMeasure[] {
  const tolerance = 0.5;
  return Array.from(document.querySelectorAll<HTMLElement>('[data-fit-page]')).map((box) => {
    const frame = box.getBoundingClientRect();
    const fragments = Array.from(box.children).flatMap((block) => Array.from(block.getClientRects()).map((rect) => ({ block, rect })));
    const outside = (rect: DOMRect) => rect.left >= frame.right - tolerance;
    const extraColumns = new Map<number, number>();
    let belowBox = 0;
    for (const { rect } of fragments) {
      if (rect.height === 0) continue;
      if (outside(rect)) {
        const column = Math.round(rect.left);
        extraColumns.set(column, Math.max(extraColumns.get(column) ?? 0, rect.bottom - frame.top));
      } else belowBox = Math.max(belowBox, rect.bottom - frame.bottom);
    }
    const overflowHeight = [...extraColumns.values()].reduce((sum, height) => sum + height, Math.max(belowBox, 0));
    const headings = fragments.filter(({ block, rect }) => /^H[1-6]$/.test(block.tagName) && !outside(rect) && rect.top < frame.bottom - tolerance);
    return {
      page: Number(box.dataset.fitPage),
      overflowHeight,
      lineHeight: parseFloat(getComputedStyle(box).lineHeight),
      cutSection: headings.at(-1)?.block.textContent?.trim() ?? null,
    };
  });
}

/**
 * Measures each page's narrative box after the HTML and its fonts are loaded. Works with JavaScript
 * disabled in the page: page.evaluate runs through the DevTools protocol, not the page's scripts.
 */
export async function measureFit(page: Page): Promise<PageFit[]> {
  const boxes = await page.evaluate(measureBoxes);
  return boxes.map((box): PageFit => {
    // Sub-pixel layout leaves fractions of a pixel: a tenth of a line is no overflow.
    const overflowLines = Math.ceil(box.overflowHeight / box.lineHeight - 0.1);
    const fits = overflowLines <= 0;
    return {
      page: box.page as 1 | 2,
      fits,
      overflowLines: Math.max(overflowLines, 0),
      ...(fits || box.cutSection === null ? {} : { cutSection: box.cutSection }),
    };
  });
}
