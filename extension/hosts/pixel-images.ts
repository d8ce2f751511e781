// The rep's own pixels among a page's images, for both hosts: each host says only how its webmail's
// image proxy writes an image's URL (what the browser fetches, and the original behind it).
import type { RenderedPixel } from './host.ts';

/** The proxied URL and the original behind it, or null when `src` is not the proxy's. */
export type Unproxy = (src: string) => { proxiedUrl: string; pixelUrl: string } | null;

/** Images of our pixels under `root`: loaded directly, or behind the webmail's image proxy. */
export function pixelImages(root: ParentNode, pixelPrefix: string, unproxy: Unproxy): RenderedPixel[] {
  const needle = `/p/${pixelPrefix}/`;
  const found: RenderedPixel[] = [];
  if (!/^[\w-]+$/.test(pixelPrefix)) return found; // prefixes are base64url; anything else would break the selector
  for (const element of root.querySelectorAll<HTMLImageElement>(`img[src*="${pixelPrefix}"]`)) {
    const src = element.getAttribute('src') ?? '';
    const original = unproxy(src);
    if (original) {
      if (original.pixelUrl.includes(needle)) found.push({ element, ...original });
    } else if (src.includes(needle)) {
      found.push({ element, proxiedUrl: src, pixelUrl: src });
    }
  }
  return found;
}

/** The ones the page shows: the rep's own compose holds the raw pixel, and that is no view. */
export function shownPixels(root: ParentNode, pixelPrefix: string, unproxy: Unproxy): RenderedPixel[] {
  return pixelImages(root, pixelPrefix, unproxy).filter(({ element }) => !element.closest('[contenteditable=true]'));
}
