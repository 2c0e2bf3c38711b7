/**
 * The preview pages' only script, run in the author's browser (served as /preview.js; never in the
 * printed HTML, which stays script-free). It listens for updates and reloads what changed: the index
 * as a whole, or a profile's message panel, copy-fit and pages. Self-contained: it is sent as its text.
 */
function previewClient(): void {
  const { profile, panel: panelUrl, fit: fitUrl, image1, image2 } = document.body.dataset;
  const connection = document.getElementById('connection');
  const latest = new Map<string, number>();

  /** Replaces an element's content with a fragment; only the latest request of each element counts. */
  async function load(id: string, url: string): Promise<void> {
    const request = (latest.get(id) ?? 0) + 1;
    latest.set(id, request);
    // A server that is away: the event stream's reconnection refreshes everything.
    const response = await fetch(url, { cache: 'no-store' }).catch(() => undefined);
    if (!response) return;
    // The profile is gone (file removed or renamed): the reload shows so.
    if (!response.ok) return location.reload();
    const text = await response.text();
    const element = document.getElementById(id);
    if (element && latest.get(id) === request) element.innerHTML = text;
  }

  async function loadPanel(): Promise<void> {
    await load('panel', panelUrl as string);
    document.getElementById('sheets')?.classList.toggle('stale', document.querySelector('#panel [data-stale]') !== null);
  }

  let version = 0;
  function reloadPages(): void {
    const images = document.querySelectorAll<HTMLImageElement>('#sheets img');
    // A profile that had no pages and has some now: the page needs its images.
    if (images.length === 0) return location.reload();
    version += 1;
    // The pictures come from the same layout as the copy-fit result: both are fetched anew.
    [image1, image2].forEach((url, index) => {
      const image = images[index];
      if (image && url) image.src = `${url}?v=${version}`;
    });
    void load('fit', fitUrl as string);
  }

  async function refresh(update: { revalidated: string[]; pages: string[] }): Promise<void> {
    if (profile === undefined) return location.reload();
    // The messages first: laying out the printed pages keeps the browser busy for a while.
    if (update.revalidated.includes(profile)) await loadPanel();
    if (update.pages.includes(profile)) reloadPages();
  }

  let lost = false;
  const events = new EventSource('/events');
  events.addEventListener('open', () => {
    // Updates may have been missed while the server was away.
    if (lost) void refresh({ revalidated: profile ? [profile] : [], pages: profile ? [profile] : [] });
    lost = false;
    if (connection) connection.textContent = 'live';
  });
  events.addEventListener('error', () => {
    lost = true;
    if (connection) connection.textContent = 'disconnected: reconnecting…';
  });
  events.addEventListener('message', (event) => {
    void refresh(JSON.parse((event as MessageEvent<string>).data) as { revalidated: string[]; pages: string[] });
    if (connection) connection.textContent = `live, updated ${new Date().toLocaleTimeString()}`;
  });
  if (fitUrl && document.querySelector('#sheets img')) void load('fit', fitUrl);
}

export const clientScript = `(${previewClient.toString()})();\n`;

/** The preview pages' look. The pages are pictures of the printed layout, scaled to the window's width. */
export const stylesheet = `
body { margin: 0; font: 14px/1.45 system-ui, sans-serif; color: #1d1d1f; background: #e6e6e6; }
main, nav { margin: 0 auto; padding: 0 16px; max-width: 1100px; }
nav { display: flex; justify-content: space-between; padding-top: 12px; color: #555; }
h1 { font-size: 20px; margin: 12px 0 4px; }
a { color: #0b57d0; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #ddd; vertical-align: top; }
td.count { text-align: right; font-variant-numeric: tabular-nums; }
.error, .over { color: #b3261e; }
.warning { color: #8a5a00; }
.fits { color: #146c2e; }
.place, .rule { font-family: ui-monospace, monospace; font-size: 12px; white-space: nowrap; }
.note { padding: 6px 10px; background: #fff4ce; border: 1px solid #e0c36c; }
#fit ul { margin: 4px 0; padding-left: 20px; }
.aside { color: #555; }
.filters { display: flex; flex-wrap: wrap; gap: 4px 18px; }
.filters a, th a { color: inherit; }
a.chosen { font-weight: 700; color: #0b57d0; }
/* Two A4 pages side by side, each half the window at most: 210 x 297 keeps their proportion. */
.sheets { display: grid; grid-template-columns: repeat(2, minmax(0, 794px)); justify-content: center; gap: 16px; margin: 16px auto; padding: 0 16px; }
.sheet { margin: 0; aspect-ratio: 210 / 297; background: #fff; box-shadow: 0 1px 6px rgb(0 0 0 / 30%); }
.sheet img { display: block; width: 100%; height: auto; }
.sheets.stale .sheet { opacity: 0.5; filter: grayscale(1); }
`;
