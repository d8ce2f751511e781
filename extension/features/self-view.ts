// The rep's own views never count. Direct loads are blocked by the background's rules, and so is
// Outlook's proxy form (/actions/ei?u=<pixel URL>). When the webmail's image proxy does fetch one
// of the rep's pixels for the rep's own tab (Gmail hides the original URL from the rules), a
// self-view beacon goes out as the image loads (the Worker folds the proxy's hit into it) and that
// proxied URL is blocked for the rest of the session. An image the rules stopped sends no beacon:
// nothing reached the Worker, and a beacon would hide a buyer's real open in its window.
import { messageIdOfToken } from '../../shared/pixel-token.ts';
import type { Feature } from './feature.ts';

export const selfView: Feature = {
  name: 'self-view',
  needsAnchors: false,
  start(context) {
    const blocked = new Set<string>();
    const watched = new WeakSet<HTMLImageElement>();
    const report = (messageId: string) => {
      const event = { id: crypto.randomUUID(), type: 'self-view' as const, at: Date.now(), messageId };
      void context.ask({ type: 'record-events', events: [event] }).catch((error: unknown) => console.error('tidewise: self-view not recorded', error));
    };
    const scan = () => {
      // Read each time: a tab opened before the rep connected learns the account later (live-settings.ts).
      const prefix = context.settings.account?.pixelPrefix;
      if (!prefix) return;
      for (const { element, proxiedUrl, pixelUrl } of context.host.renderedPixels(prefix)) {
        if (watched.has(element)) continue;
        watched.add(element);
        const messageId = messageIdOf(pixelUrl);
        if (!messageId) continue;
        if (proxiedUrl !== pixelUrl && !blocked.has(proxiedUrl)) {
          blocked.add(proxiedUrl);
          void context.ask({ type: 'block-proxied-pixel', url: proxiedUrl }).catch(() => undefined);
        }
        whenLoaded(element, context.signal, () => report(messageId));
      }
    };
    context.host.onChange(scan, context.signal);
    scan();
  },
};

/** Calls `loaded` once if the image loads (or already has); never if it failed or was blocked. */
export function whenLoaded(image: HTMLImageElement, signal: AbortSignal, loaded: () => void): void {
  if (image.complete && image.getAttribute('src')) {
    if (image.naturalWidth > 0) loaded();
    return;
  }
  const done = new AbortController();
  const stop = AbortSignal.any([signal, done.signal]);
  image.addEventListener('load', () => {
    done.abort();
    loaded();
  }, { signal: stop });
  image.addEventListener('error', () => done.abort(), { signal: stop });
}

/** The message id inside a pixel URL's token (no key needed: it is the token's bytes 1-16). */
export function messageIdOf(pixelUrl: string): string | null {
  const token = /\/p\/[A-Za-z0-9_-]+\/([A-Za-z0-9_-]{44})\.gif/.exec(pixelUrl)?.[1];
  return token ? messageIdOfToken(token) : null;
}
