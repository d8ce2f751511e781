// The features' tests run the same cases against both real hosts: createGmailHost over the fixture
// Gmail and createOutlookHost over the fixture Outlook, each loaded into happy-dom with its MAIN-world
// tap, behind one small driver. The background across the messaging boundary is the only stand-in:
// it mints real pixels the way the background does and keeps what the features record. Tests then
// read what left: the bodies of the webmail's own send requests and the recorded events.
import { vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { fromBase64Url, importAccountKey, mintPixelToken, randomId } from '../../shared/pixel-token.ts';
import { clientEvent, type ClientEvent, type Me, type Provider } from '../../shared/schema.ts';
import { loadFakeGmail } from '../../test/fixtures/gmail/happy-dom.ts';
import { loadFakeOutlook } from '../../test/fixtures/outlook/happy-dom.ts';
import { createGmailHost } from '../hosts/gmail.ts';
import { isSendRequestUrl } from '../hosts/gmail-send-request.ts';
import { installGmailTap } from '../hosts/gmail-tap.ts';
import type { Compose, Host, SendConfirmation } from '../hosts/host.ts';
import { createOutlookHost } from '../hosts/outlook.ts';
import { isOutlookSendRequestUrl } from '../hosts/outlook-send-request.ts';
import { installOutlookTap } from '../hosts/outlook-tap.ts';
import { publicSettings, settings, type PublicSettings } from '../settings.ts';
import type { Feature, FeatureContext } from './feature.ts';

/** The prefix of the pixels already in the fixtures' mailboxes: the rep's own account. */
export const PREFIX = 'tw84tAtqmZBOChhg';
const PIXEL_BASE = `https://track.tidewise-demo.com/p/${PREFIX}/`;
/** An older pixel of ours (in the fixture Gmail's mailbox) and one of another account. */
export const OLD_PIXEL = `${PIXEL_BASE}AXXzG4bsd3I16b2LfSx-O3XO3SJYWi3fqoS5nmfgGTIR.gif`;
export const OTHER_ACCOUNT_PIXEL = 'https://track.other-tracker.example/p/otherPrefix12345/AYL-Z28YROw2-MwfR87u117IX_PMfuYDfnB9ORyX3Zy2.gif';
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every pixel URL of ours in a request body: loaded directly, or behind a proxy (#fragment or ?u=, encoded once, twice or not). */
export function ourPixels(body: string): string[] {
  const text = body.replace(/%25/gi, '%').replace(/%25/gi, '%').replace(/%3A/gi, ':').replace(/%2F/gi, '/');
  return [...text.matchAll(/https:\/\/track\.tidewise-demo\.com\/p\/[\w-]+\/[\w-]{44}\.gif/g)].map((match) => match[0]);
}

// ---------------------------------------------------------------------------------------------
// The background, as the features see it through `ask`

type Ask = FeatureContext['ask'];
type Request = Parameters<Ask>[0];

export interface Background {
  ask: Ask;
  account: Me;
  /** Pixels handed out, in order. */
  minted: Array<{ url: string; messageId: string; prefix: string }>;
  /** The events of every record-events call, in order. */
  recorded: ClientEvent[][];
  /** Events the background held before the page loaded (answers tracked-contacts with the recorded ones). */
  known: ClientEvent[];
  /** How many times each request type was asked. */
  asked: Map<string, number>;
  /** Each answer waits this long, like a real round trip to the background (default 0). */
  delayMs: number;
  /** What settings-get answers: the settings as saved now (null: not asked for in this test). */
  settings: PublicSettings | null;
}

export function fakeBackground(): Background {
  const account: Me = {
    accountId: 'acct-test',
    name: 'Rita Chen',
    pixelPrefix: PREFIX,
    pixelKey: randomId(32),
    pixelBase: PIXEL_BASE,
    tokenId: 'token-test',
  };
  const minted: Background['minted'] = [];
  const recorded: ClientEvent[][] = [];
  const known: ClientEvent[] = [];
  const asked = new Map<string, number>();
  const answer = async (message: Request): Promise<unknown> => {
    asked.set(message.type, (asked.get(message.type) ?? 0) + 1);
    // Parsed and kept as it arrives, as the background's `serve` and its log do.
    if (message.type === 'record-events') recorded.push(clientEvent.array().min(1).parse(message.events));
    if (background.delayMs > 0) await wait(background.delayMs);
    switch (message.type) {
      case 'record-events':
        return { queued: message.events.length };
      case 'mint-pixel': {
        // As the background's handler does: the account key from GET /api/me, a fresh token under the prefix.
        const key = await importAccountKey(fromBase64Url(account.pixelKey)!);
        const { token, messageId } = await mintPixelToken(key, account.pixelPrefix);
        const pixel = { url: `${account.pixelBase}${token}.gif`, messageId, prefix: account.pixelPrefix };
        minted.push(pixel);
        return pixel;
      }
      case 'tracked-contacts': {
        const last = new Map<string, number>();
        for (const event of [...known, ...recorded.flat()]) {
          if (event.type !== 'sent') continue;
          for (const email of event.recipients) {
            if (message.emails.includes(email) && event.at > (last.get(email) ?? -Infinity)) last.set(email, event.at);
          }
        }
        return { contacts: [...last].map(([email, lastSentAt]) => ({ email, lastSentAt })), pixelPrefix: PREFIX, tracking: settingsWith(account).tracking };
      }
      case 'settings-get':
        if (!background.settings) throw new Error('the test background holds no settings');
        return structuredClone(background.settings);
      default:
        throw new Error(`the test background does not answer "${message.type}"`);
    }
  };
  // One function answers every request type; `ask`'s own type still checks what the features send.
  const background: Background = { ask: answer as Ask, account, minted, recorded, known, asked, delayMs: 0, settings: null };
  return background;
}

/** Real settings (the schema's defaults) for the background's account, with these tracking choices. */
export function settingsWith(account: Me, tracking: Partial<PublicSettings['tracking']> = {}): PublicSettings {
  return publicSettings(settings.parse({ account, tracking }));
}

/** Starts a feature the way the content script does; a later start on the same page stops it (a reload). */
export async function startFeature(feature: Feature, webmail: Webmail, background: Background, featureSettings: PublicSettings): Promise<ContentScriptContext> {
  const context = featureContext(webmail, background, featureSettings);
  await feature.start(context);
  return context.script;
}

/** What the content script gives features on this page, asking `background`; a healthy page unless told. */
export function featureContext(webmail: Webmail, background: Background, featureSettings: PublicSettings, health = { ok: true, missing: [] as string[] }): FeatureContext {
  const script = new ContentScriptContext('tidewise-feature-test', { noScriptStartedPostMessage: true });
  return { host: webmail.host, signal: script.signal, script, ask: background.ask, settings: featureSettings, settingsUpdates: new EventTarget(), health };
}

// ---------------------------------------------------------------------------------------------
// The webmails

export interface ThreadOf {
  /** The fixture's handle on the thread (Gmail route token, Outlook conversation id). */
  handle: string;
  threadKey: string;
  subject: string;
  buyer: string;
}

export interface Webmail {
  provider: Provider;
  host: Host;
  /** The rep's own address. */
  rep: string;
  /**
   * Two threads whose latest message is a buyer's (replies go to the buyer), and one whose latest
   * message is the rep's own tracked mail, where the fixture has one.
   */
  threads: { anna: ThreadOf; carlos: ThreadOf; ownTracked: ThreadOf | null };
  /** Confirmations the host heard from the tap (what the webmail really sent). */
  confirmations: SendConfirmation[];
  /** Bodies of the webmail's send requests (draft saves left out), in order. */
  sendBodies(): string[];
  /** From now on the webmail's send requests fail (HTTP 500). */
  failSends(): void;
  newMail(to: string[], subject: string, body?: string): Promise<Compose>;
  openThread(thread: ThreadOf): Promise<void>;
  showInbox(): Promise<void>;
  /** Opens the reply to the open thread. */
  reply(): Promise<Compose>;
  /** Clicks the compose's Send button. */
  pressSend(compose: Compose): void;
  /** The webmail's Undo, for webmails that hold the send back for a while (Gmail). */
  undo?: () => void;
  /** Schedule send from the send menu, for webmails whose fixture has it (Gmail): pick the first time offered, or cancel. */
  scheduleSend?: (compose: Compose, choice?: 'first-time' | 'cancel') => void;
  /** A message arriving in a thread; resolves with the webmail's id for it once it is drawn. */
  incoming(thread: ThreadOf, message: { from: string; at: string; body?: string; autoReply?: boolean }): Promise<string>;
  /** The thread key the sent event of a new mail carries (new mail has no thread until sent). */
  newMailThreadKey(body: string, messageId: string): string;
  close(): void;
}

export interface WebmailDriver {
  provider: Provider;
  /** The webmail appends quoted text to replies at send time, outside the editor (Gmail). */
  quotesAtSend: boolean;
  /** The webmail holds a send back for a while and offers Undo (Gmail). */
  holdsSends: boolean;
  /** How the webmail writes an external image it shows through its proxy: a label, and the src for a URL. */
  proxyForms: Array<readonly [string, (url: string) => string]>;
  /** The fixture offers Schedule send (Gmail). */
  schedulesSends: boolean;
  /** The fixture can show a new mail in its own page, with no mailbox (a pop-out or a mailto: link). */
  popsOut: boolean;
  load(options?: { undoMs?: number; popout?: { to: string; subject: string; body: string } }): Promise<Webmail>;
}

const click = (element: Element | null | undefined) => {
  if (!element) throw new Error('nothing to click');
  element.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
};

function onlyCompose(host: Host): Compose {
  const composes = host.composes();
  if (composes.length !== 1) throw new Error(`expected one compose, found ${composes.length}`);
  return composes[0]!;
}

/** Wraps the page's fetch so send requests can be made to fail, then puts the MAIN-world tap over it. */
function tapSends(isSend: (url: string) => boolean, install: (win: Window & typeof globalThis) => () => void) {
  let failing = false;
  const pageFetch = window.fetch;
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await pageFetch(input, init);
    const url = input instanceof Request ? input.url : String(input);
    return failing && isSend(url) ? new Response('{"error":"server busy"}', { status: 500 }) : response;
  };
  const untap = install(window);
  return {
    fail: () => (failing = true),
    close: () => {
      untap();
      window.fetch = pageFetch;
    },
  };
}

const gmailKey = (legacy: string) => `thread-f:${BigInt(`0x${legacy}`)}`;

export const gmail: WebmailDriver = {
  provider: 'gmail',
  quotesAtSend: true,
  holdsSends: true,
  schedulesSends: true,
  popsOut: true,
  proxyForms: [
    ['behind Gmail\'s image proxy', (url) => `https://ci3.googleusercontent.com/meips/AbCdEf=s0-d-e1-ft#${url}`],
    ['behind Gmail\'s image proxy, encoded', (url) => `https://ci3.googleusercontent.com/meips/AbCdEf=s0-d-e1-ft#${encodeURIComponent(url)}`],
  ],
  async load(options = {}) {
    const popout = options.popout && { to: options.popout.to, su: options.popout.subject, body: options.popout.body };
    const { gmail: page } = await loadFakeGmail({ renderDelay: [1, 5], undoMs: options.undoMs ?? 20, ...(popout ? { popout } : {}) });
    const tap = tapSends(isSendRequestUrl, installGmailTap);
    const host = createGmailHost(document);
    const listening = new AbortController();
    const confirmations: SendConfirmation[] = [];
    host.onSendConfirmed((confirmation) => confirmations.push(confirmation), listening.signal);
    const go = async (hash: string) => {
      page.route(hash);
      await vi.waitFor(() => {
        if (location.hash !== hash) throw new Error(`still on ${location.hash}`);
      });
      await wait(0);
      await page.whenRendered();
    };
    return {
      provider: 'gmail',
      host,
      rep: 'rep@tidewise-demo.com',
      threads: {
        anna: { handle: 'FMfcgzzCxtJLXimycHOeAhmsICVXRlmf', threadKey: gmailKey('19a6f0b2c4d81e01'), subject: 'Re: Quotation Q-2026-118: stainless cookware, FOB Ningbo', buyer: 'anna.schmidt@schmidt-haushalt.de' },
        carlos: { handle: 'FMfcgzbJKPVhrHtKRwKNKQMFWrffOFov', threadKey: gmailKey('19a5d2e4f6a81c03'), subject: 'Re: Price list 2027 for Lopez Importaciones', buyer: 'carlos@lopez-importaciones.mx' },
        ownTracked: { handle: 'FMfcgzPNAxiRNpcivFHyqHkOuSTDpceb', threadKey: gmailKey('19a4a0c2e4f60a06'), subject: 'Re: Samples shipped via DHL', buyer: 'm.rossi@casa-rossi.it' },
      },
      confirmations,
      sendBodies: () => page.requests.filter((request) => !request.draft).map((request) => request.body),
      failSends: tap.fail,
      async newMail(to, subject, body) {
        await page.compose({ to, subject, body });
        return onlyCompose(host);
      },
      openThread: (thread) => go(`#inbox/${thread.handle}`),
      showInbox: () => go('#inbox'),
      async reply() {
        await page.reply();
        await page.whenRendered();
        return onlyCompose(host);
      },
      pressSend: (compose) => click(compose.element.querySelector('[role=button][data-tooltip^="Send"]')),
      undo: () => click(document.querySelector('#link_undo')),
      scheduleSend(compose, choice = 'first-time') {
        click(compose.element.querySelector('[role=button][aria-haspopup=true][data-tooltip="More send options"]'));
        click(document.querySelector('[role=menu] [selector=scheduledSend]'));
        click(document.querySelector(`[role=dialog][aria-label="Schedule send"] ${choice === 'cancel' ? 'button[name=cancel]' : '[data-send-at]'}`));
      },
      async incoming(thread, message) {
        const id = page.addIncomingMessage(thread.handle, message);
        await page.whenRendered();
        return id;
      },
      newMailThreadKey: (body) => /"(thread-a:r-?\d+)"/.exec(body)?.[1] ?? 'no thread in the request',
      close() {
        listening.abort();
        tap.close();
        page.destroy();
      },
    };
  },
};

export const outlook: WebmailDriver = {
  provider: 'outlook',
  quotesAtSend: false,
  holdsSends: false,
  schedulesSends: false,
  popsOut: true,
  proxyForms: [
    ['behind Outlook\'s /actions/ei', (url) => `/actions/ei?u=${encodeURIComponent(url)}&d=1764921600000`],
    ['behind Outlook\'s /actions/ei, absolute and encoded twice', (url) => `https://outlook.office.com/actions/ei?u=${encodeURIComponent(encodeURIComponent(url))}`],
  ],
  async load(options = {}) {
    const { outlook: page } = await loadFakeOutlook({ renderDelay: [1, 5], ...(options.popout ? { popout: options.popout } : {}) });
    const tap = tapSends(isOutlookSendRequestUrl, installOutlookTap);
    const listening = new AbortController();
    const host = createOutlookHost(document, { signal: listening.signal });
    const confirmations: SendConfirmation[] = [];
    host.onSendConfirmed((confirmation) => confirmations.push(confirmation), listening.signal);
    const go = async (path: string) => {
      page.route(path);
      await page.whenRendered();
    };
    return {
      provider: 'outlook',
      host,
      rep: 'rep@tidewise-demo.com',
      threads: {
        anna: { handle: 'AAQkADanna01', threadKey: 'AAQkADanna01', subject: 'RE: Angebot Fenster und Türen', buyer: 'anna.schmidt@schmidt-haushalt.de' },
        carlos: { handle: 'AAQkADcarlos2', threadKey: 'AAQkADcarlos2', subject: 'RE: Pricing for the spring season', buyer: 'carlos.ruiz@ruiz-mx.com' },
        ownTracked: { handle: 'AAQkADrossi3', threadKey: 'AAQkADrossi3', subject: 'RE: Samples shipped via DHL', buyer: 'm.rossi@casa-rossi.it' },
      },
      confirmations,
      sendBodies: () => page.requests.map((request) => request.body),
      failSends: tap.fail,
      async newMail(to, subject, body) {
        await page.compose({ to, subject, body });
        return onlyCompose(host);
      },
      openThread: (thread) => go(page.routeOf(thread.handle)!),
      showInbox: () => go('/mail/inbox'),
      async reply() {
        await page.reply();
        return onlyCompose(host);
      },
      pressSend: (compose) => click(compose.element.querySelector('[data-icon-name="Send"]')),
      async incoming(thread, message) {
        const id = page.addIncomingMessage(thread.handle, message);
        await page.whenRendered();
        return id;
      },
      // A new mail's CreateItem names no conversation: the event falls back to the pixel's message.
      newMailThreadKey: (_, messageId) => `message:${messageId}`,
      close() {
        listening.abort();
        tap.close();
        page.destroy();
      },
    };
  },
};

export const WEBMAILS = [gmail, outlook];
