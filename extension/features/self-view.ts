// The rep's own views never count. Direct loads are blocked by the background's rules; when the
// webmail shows one of the rep's pixels through its image proxy in the rep's own tab, a self-view
// beacon goes out at once (the Worker folds the proxy's hit into it) and that proxied URL is
// blocked for the rest of the session.
import { messageIdOfToken } from '../../shared/pixel-token.ts';
import type { Feature } from './feature.ts';

export const selfView: Feature = {
  name: 'self-view',
  needsAnchors: false,
  start(context) {
    const prefix = context.settings.account?.pixelPrefix;
    if (!prefix) return;
    const seen = new Set<string>();
    const scan = () => {
      const events = [];
      for (const { proxiedUrl, pixelUrl } of context.host.renderedPixels(prefix)) {
        if (seen.has(proxiedUrl)) continue;
        seen.add(proxiedUrl);
        const messageId = messageIdOf(pixelUrl);
        if (!messageId) continue;
        events.push({ id: crypto.randomUUID(), type: 'self-view' as const, at: Date.now(), messageId });
        if (proxiedUrl !== pixelUrl) void context.ask({ type: 'block-proxied-pixel', url: proxiedUrl }).catch(() => undefined);
      }
      if (events.length > 0) void context.ask({ type: 'record-events', events }).catch((error: unknown) => console.error('tidewise: self-view not recorded', error));
    };
    context.host.onChange(scan, context.signal);
    scan();
  },
};

/** The message id inside a pixel URL's token (no key needed: it is the token's bytes 1-16). */
export function messageIdOf(pixelUrl: string): string | null {
  const token = /\/p\/[A-Za-z0-9_-]+\/([A-Za-z0-9_-]{44})\.gif/.exec(pixelUrl)?.[1];
  return token ? messageIdOfToken(token) : null;
}
