/**
 * Functions run inside the page through the DevTools protocol (page.evaluate), so they work with the
 * page's own JavaScript disabled; nothing of the profile runs. They see the page's DOM only.
 */

/** The property of the document that marks it as loaded by the engine, with its count of stylesheets. */
const marker = '__ocindexWarmStyles';

/**
 * Lays the document out and waits for its fonts. A font loads when layout first needs it: laid out
 * first, fonts.ready cannot resolve before the loads have started. With a marker name, marks a freshly
 * loaded document as warm first: a navigation (meta refresh, ...) would lose the mark.
 */
export async function layOutLoaded(markerName: string | null): Promise<void> {
  if (markerName !== null) (document as unknown as Record<string, number>)[markerName] = document.querySelectorAll('style').length;
  document.body.getBoundingClientRect();
  await document.fonts.ready;
}

/**
 * Replaces everything of the document but its <style> elements with the parsed `light` document (its
 * styles emptied): the attributes of <html> (lang), the other nodes of <head> (title, meta) and the
 * body, which the parser builds as it would for a fresh load. The live stylesheets are never removed,
 * so the styles and fonts stay decoded. Then lays it out as layOutLoaded does, in the same call.
 * Resolves to false, changing nothing, when the document is not the warm one the engine loaded (it
 * would then be loaded afresh).
 */
export async function swapDocument(light: string, markerName: string): Promise<boolean> {
  const live = document as unknown as Record<string, unknown>;
  const styles = Array.from(document.head.children).filter((element) => element.localName === 'style');
  if (live[markerName] !== styles.length || document.querySelectorAll('style').length !== styles.length) return false;
  const next = new DOMParser().parseFromString(light, 'text/html');
  if (next.querySelectorAll('style').length !== styles.length || next.head.querySelectorAll(':scope > style').length !== styles.length) return false;

  const root = document.documentElement;
  for (const name of root.getAttributeNames()) if (!next.documentElement.hasAttribute(name)) root.removeAttribute(name);
  for (const attribute of Array.from(next.documentElement.attributes)) root.setAttribute(attribute.name, attribute.value);

  // Children of <html> and of <head>: each replaced by the next document's, around the kept node(s).
  const replaceAround = (parent: Element, nextParent: Element, kept: Node[], isKept: (node: Node) => boolean) => {
    for (const child of Array.from(parent.childNodes)) if (!kept.includes(child)) child.remove();
    let keptIndex = 0;
    for (const child of Array.from(nextParent.childNodes)) {
      if (isKept(child)) {
        keptIndex += 1;
        continue;
      }
      parent.insertBefore(document.adoptNode(child), kept[keptIndex] ?? null);
    }
  };
  replaceAround(document.head, next.head, styles, (node) => node.nodeName === 'STYLE');
  replaceAround(root, next.documentElement, [document.head], (node) => node === next.head);
  document.body.getBoundingClientRect();
  await document.fonts.ready;
  return true;
}

export const warmMarker = marker;
