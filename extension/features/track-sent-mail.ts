// Tracked sending: when the rep sends, one pixel of ours goes into the body before the webmail
// reads it, older pixels of ours in quoted text come out, and the send is recorded only once the
// webmail's own send request confirms it (undo and discarded drafts leave nothing). Each compose
// gets a toggle; mail only to the rep, or to anyone in an excluded domain, is never tracked.
import { isExcluded } from '../excluded-domains.ts';
import type { Compose, Person } from '../hosts/host.ts';
import type { Feature, FeatureContext } from './feature.ts';

interface Minted {
  url: string;
  messageId: string;
  prefix: string;
}

interface Pending {
  recipients: Person[];
  subject: string;
  threadKey: string | null;
}

const TOGGLE_ATTR = 'data-tidewise-track';

export const trackSentMail: Feature = {
  name: 'track-sent-mail',
  needsAnchors: true,
  start(context) {
    const { host, signal } = context;
    // Pixels are minted ahead, per compose: the send handler must insert synchronously.
    const ready = new Map<string, Minted>();
    const minting = new Set<string>();
    const pending = new Map<string, Pending>();

    const prepare = () => {
      for (const compose of host.composes()) {
        ensureToggle(compose, context);
        if (ready.has(compose.id) || minting.has(compose.id)) continue;
        minting.add(compose.id);
        void context
          .ask({ type: 'mint-pixel' })
          .then((minted) => ready.set(compose.id, minted))
          .catch((error: unknown) => console.warn('tidewise: no pixel for this mail (not connected?)', error))
          .finally(() => minting.delete(compose.id));
      }
    };
    host.onChange(prepare, signal);
    context.settingsUpdates.addEventListener('change', prepare, { signal });
    prepare();

    // The pixel each compose got on its last press, for a press that did not send (Gmail's Undo, a
    // cancelled Schedule send): pressed again before a fresh pixel is ready, the mail keeps that one.
    const inserted = new Map<string, Minted>();

    host.onSendAttempt(({ compose }) => {
      const fresh = ready.get(compose.id);
      const recipients = compose.recipients();
      const { disclosure } = context.settings.tracking;
      const prefix = fresh?.prefix ?? context.settings.account?.pixelPrefix;
      const ours = prefix ? host.pixelsInCompose(compose, prefix) : [];
      const track = shouldTrack(compose, recipients, context);
      const earlier = inserted.get(compose.id);
      const kept = track && !fresh && earlier ? ours.find((pixel) => pixel.pixelUrl === earlier.url) : undefined;
      removeOwnPixels(ours.filter((pixel) => pixel !== kept).map((pixel) => pixel.element), disclosure);
      const minted = fresh ?? (kept ? earlier : undefined);
      if (!track || !minted) return;
      if (fresh) {
        ready.delete(compose.id);
        insertPixel(compose, fresh.url, disclosure);
        inserted.set(compose.id, fresh);
      }
      host.notifyBodyChanged(compose);
      pending.set(minted.messageId, { recipients, subject: compose.subject(), threadKey: compose.threadKey() });
    }, signal);

    host.onSendConfirmed((confirmation) => {
      const events = confirmation.pixelMessageIds.flatMap((messageId) => {
        const sent = pending.get(messageId);
        if (!sent) return [];
        pending.delete(messageId);
        const recipients = (confirmation.recipients.length > 0 ? confirmation.recipients : sent.recipients)
          .map((p) => p.email)
          .filter((email) => email !== host.currentUser()?.email);
        if (recipients.length === 0) return [];
        return [{
          id: crypto.randomUUID(),
          type: 'sent' as const,
          at: confirmation.at,
          messageId,
          recipients: [...new Set(recipients)],
          subject: (confirmation.subject || sent.subject).slice(0, 998),
          threadKey: (confirmation.threadKey ?? sent.threadKey ?? `message:${messageId}`).slice(0, 256),
          provider: host.provider,
        }];
      });
      if (events.length > 0) void context.ask({ type: 'record-events', events }).catch((error: unknown) => console.error('tidewise: sent mail not recorded', error));
    }, signal);
  },
};

function shouldTrack(compose: Compose, recipients: Person[], context: FeatureContext): boolean {
  const { tracking } = context.settings;
  if (!tracking.enabled || compose.element.getAttribute(TOGGLE_ATTR) === 'off') return false;
  const self = context.host.currentUser()?.email;
  const others = recipients.filter((person) => person.email !== self);
  if (others.length === 0) return false;
  // "Never track mail to these domains": one excluded recipient (an EU buyer without consent)
  // would load the pixel like everyone else, so the whole mail goes out untracked.
  return !others.some((person) => isExcluded(person.email, tracking.excludedDomains));
}

/**
 * Pixels of ours in the body come from quoted replies and forwards: they would re-fire old opens.
 * Our own from a send the rep undid is one too; its disclosure line, just before it, goes with it.
 */
function removeOwnPixels(images: HTMLImageElement[], disclosure: string): void {
  for (const img of images) {
    const line = img.previousElementSibling;
    if (disclosure.trim() && line?.textContent?.trim() === disclosure.trim()) line.remove();
    img.remove();
  }
}

function insertPixel(compose: Compose, url: string, disclosure: string): void {
  const doc = compose.body.ownerDocument;
  if (disclosure.trim()) {
    const line = doc.createElement('div');
    line.textContent = disclosure.trim();
    line.style.cssText = 'color:#888;font-size:11px;margin-top:12px';
    compose.body.appendChild(line);
  }
  const img = doc.createElement('img');
  img.src = url;
  img.width = 1;
  img.height = 1;
  img.alt = '';
  img.style.cssText = 'display:block;border:0;width:1px;height:1px';
  compose.body.appendChild(img);
}

/**
 * A small "Track" toggle in the compose toolbar; off means this one mail goes out untracked. Drawn
 * again when what it shows changed (tracking switched off or on, or the language, in the settings).
 */
function ensureToggle(compose: Compose, context: FeatureContext): void {
  const toolbar = compose.toolbar();
  if (!toolbar) return;
  const drawn = toolbar.querySelector<HTMLButtonElement>('[data-tidewise-toggle]');
  if (drawn) {
    // Only when it differs: writing to the page is a change, which would call this again.
    const stale = drawn.getAttribute('aria-pressed') !== String(toggleOn(compose, context)) || drawn.lang !== context.settings.language;
    if (stale) drawToggle(drawn, compose, context);
    return;
  }
  const button = toolbar.ownerDocument.createElement('button');
  button.type = 'button';
  button.setAttribute('data-tidewise-toggle', '');
  button.setAttribute('data-testid', 'track-toggle');
  button.addEventListener('click', (event) => {
    event.stopPropagation();
    const off = compose.element.getAttribute(TOGGLE_ATTR) === 'off';
    compose.element.setAttribute(TOGGLE_ATTR, off ? 'on' : 'off');
    drawToggle(button, compose, context);
  }, { signal: context.signal });
  drawToggle(button, compose, context);
  toolbar.appendChild(button);
}

function toggleOn(compose: Compose, context: FeatureContext): boolean {
  return compose.element.getAttribute(TOGGLE_ATTR) !== 'off' && context.settings.tracking.enabled;
}

function drawToggle(button: HTMLButtonElement, compose: Compose, context: FeatureContext): void {
  const on = toggleOn(compose, context);
  const zh = context.settings.language === 'zh';
  button.lang = context.settings.language;
  button.setAttribute('aria-pressed', String(on));
  button.textContent = on ? (zh ? '● 跟踪已开' : '● Tracked') : zh ? '○ 不跟踪' : '○ Not tracked';
  button.title = zh ? '本封邮件是否加入打开跟踪' : 'Track opens of this mail';
  button.style.cssText = `margin-left:8px;padding:2px 8px;border-radius:12px;border:1px solid #0d6e78;font:12px sans-serif;cursor:pointer;background:${on ? '#0d6e78' : '#fff'};color:${on ? '#fff' : '#0d6e78'}`;
}
