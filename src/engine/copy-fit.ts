import type { Page } from 'puppeteer';

/** Whether a page's narrative fits its box, and if not, by how much and where it is cut. */
export interface PageFit {
  page: 1 | 2;
  fits: boolean;
  overflowLines: number;
  /** Heading of the section where the text is cut, e.g. "Criminal actors". */
  cutSection?: string;
  /** How far the score panel's content runs past its room, in millimetres; only when it does. */
  panelOverflowMm?: number;
}

/** What the page reports per narrative box ([data-fit-page] in templates/profile.html). */
export interface BoxMeasure {
  page: number;
  overflowHeight: number;
  lineHeight: number;
  cutSection: string | null;
  panelOverflow: number;
}

/**
 * Runs inside the page. The box is a fixed-size multi-column flow with column-fill: auto, so text that
 * does not fit goes on in extra columns beyond the box's right edge (hidden by overflow). The overflow
 * is the height those extra columns fill, plus anything taller than the box (an unbreakable block).
 */
export function measureBoxes(): BoxMeasure[] {
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
    // The score panel ([data-fit-panel]) of the same page: its flowing content must end above its
    // room's bottom, which is the panel's padding or the first element pinned to its bottom.
    const panel = box.closest('.page')?.querySelector<HTMLElement>('[data-fit-panel]');
    let panelOverflow = 0;
    if (panel) {
      const children = Array.from(panel.children).map((child) => ({ rect: child.getBoundingClientRect(), pinned: getComputedStyle(child).position === 'absolute' }));
      const room = Math.min(panel.getBoundingClientRect().bottom - parseFloat(getComputedStyle(panel).paddingBottom), ...children.filter((c) => c.pinned).map((c) => c.rect.top));
      const contentBottom = Math.max(...children.filter((c) => !c.pinned && c.rect.height > 0).map((c) => c.rect.bottom));
      panelOverflow = Math.max(contentBottom - room, 0);
    }
    const headings = fragments.filter(({ block, rect }) => /^H[1-6]$/.test(block.tagName) && !outside(rect) && rect.top < frame.bottom - tolerance);
    return {
      page: Number(box.dataset.fitPage),
      overflowHeight,
      lineHeight: parseFloat(getComputedStyle(box).lineHeight),
      cutSection: headings.at(-1)?.block.textContent?.trim() ?? null,
      panelOverflow,
    };
  });
}

/** Each page's fit, from what the page measured (measureBoxes). */
export function fitOf(boxes: BoxMeasure[]): PageFit[] {
  return boxes.map((box): PageFit => {
    // Sub-pixel layout leaves fractions of a pixel: a tenth of a line is no overflow.
    const overflowLines = Math.ceil(box.overflowHeight / box.lineHeight - 0.1);
    // CSS pixels are 1/96 inch; a tenth of a millimetre is sub-pixel rounding, no overflow.
    const panelOverflowMm = Math.ceil((box.panelOverflow * 25.4) / 96 * 10 - 1) / 10;
    const textFits = overflowLines <= 0;
    return {
      page: box.page as 1 | 2,
      fits: textFits && panelOverflowMm <= 0,
      overflowLines: Math.max(overflowLines, 0),
      ...(textFits || box.cutSection === null ? {} : { cutSection: box.cutSection }),
      ...(panelOverflowMm > 0 ? { panelOverflowMm } : {}),
    };
  });
}

/**
 * Measures each page's narrative box of a laid-out page (WarmPage.layOut measures it in the same
 * call). Works with JavaScript disabled in the page: page.evaluate runs through the DevTools
 * protocol, not the page's scripts.
 */
export async function measureFit(page: Page): Promise<PageFit[]> {
  return fitOf(await page.evaluate(measureBoxes));
}
