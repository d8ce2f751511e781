// The Outlook host against the fixture Outlook (test/fixtures/outlook), loaded into happy-dom:
// every Host method, in English, German and the drifted markup; the send path from the rep's click
// to the tap's confirmation; proxied pixels.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { loadFakeOutlook, type LoadedOutlook, type LoadOptions } from '../../test/fixtures/outlook/happy-dom.ts';
import type { Compose, SendAttempt, SendConfirmation } from './host.ts';
import { createOutlookHost, itemIdFromUrl, outlookSearchUrl, proxiedOriginal, type OutlookHost } from './outlook.ts';
import { installOutlookTap } from './outlook-tap.ts';

const ANNA = 'AAQkADanna01';
const PREFIX = 'tw84tAtqmZBOChhg';
const PIXEL = `https://track.tidewise-demo.com/p/${PREFIX}/AaxK-GUsReRp_iGiD-JJIZgs2gczPK2G3ntZHCsNjDww.gif`;
const PIXEL_ID = 'rEr4ZSxF5Gn-IaIP4kkhmA';
const VARIANTS: LoadOptions[] = [{}, { lang: 'de' }, { variant: 'drift' }, { variant: 'drift', lang: 'de' }];

let page: LoadedOutlook;
let host: OutlookHost;
let controller: AbortController;
let untap: (() => void) | null = null;

async function load(options: LoadOptions = {}) {
  page = await loadFakeOutlook({ renderDelay: [1, 5], ...options });
  host = createOutlookHost(document, { replyTimeoutMs: 1000 });
  controller = new AbortController();
}
async function open(convId = ANNA) {
  page.outlook.route(page.outlook.routeOf(convId)!);
  await page.outlook.whenRendered();
}
const click = (element: Element | null | undefined) => {
  if (!element) throw new Error('nothing to click');
  element.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
};
function onlyCompose(): Compose {
  const all = host.composes();
  expect(all).toHaveLength(1);
  return all[0]!;
}

afterEach(() => {
  controller?.abort();
  untap?.();
  untap = null;
  page?.outlook.destroy();
});

describe.each(VARIANTS)('fixture %j', (variant) => {
  test('the rep, a healthy page, the inbox rows', async () => {
    await load(variant);
    expect(host.currentUser()).toEqual({ email: 'rep@tidewise-demo.com', name: 'Rita Chen' });
    expect(host.selfCheck()).toEqual({ ok: true, missing: [] });
    expect(host.conversation()).toBeNull();
    expect(host.inboxRows()).toEqual([
      { threadKey: ANNA, from: { email: 'anna.schmidt@schmidt-haushalt.de', name: 'Anna Schmidt' }, subject: 'Angebot Fenster und Türen', snippet: 'Danke! Bitte auch für die Haustür.', at: Date.parse('2026-11-10T08:30:00Z'), unread: true },
      { threadKey: 'AAQkADcarlos2', from: { email: 'carlos.ruiz@ruiz-mx.com', name: 'Carlos Ruiz' }, subject: 'Pricing for the spring season', snippet: 'Hi Rita, could you send me the spring price list?', at: Date.parse('2026-11-08T15:00:00Z'), unread: false },
      { threadKey: 'AAQkADrossi3', from: { email: 'm.rossi@casa-rossi.it', name: 'Marco Rossi' }, subject: 'Samples shipped via DHL', snippet: 'Thank you Rita, we will test them next week.', at: Date.parse('2026-11-04T16:45:00Z'), unread: false },
    ]);
  });

  test('a new message tops the list with its own preview (an out-of-office notice reads as one)', async () => {
    await load(variant);
    page.outlook.addIncomingMessage('AAQkADcarlos2', { from: 'carlos.ruiz@ruiz-mx.com', name: 'Carlos Ruiz', autoReply: true, at: '2026-11-12T09:00:00Z' });
    await page.outlook.whenRendered();
    const carlos = host.inboxRows().find((row) => row.threadKey === 'AAQkADcarlos2');
    expect(carlos).toMatchObject({ unread: true, at: Date.parse('2026-11-12T09:00:00Z') });
    expect(carlos?.snippet).toMatch(variant.lang === 'de' ? /nicht im Büro/ : /out of the office/);
  });

  test('the open conversation: key from data-convid, messages with sender and recipients, participants', async () => {
    await load(variant);
    await open();
    expect(location.pathname).toMatch(/^\/mail\/inbox\/id\//);
    expect(host.selfCheck()).toEqual({ ok: true, missing: [] });
    const conversation = host.conversation()!;
    expect(conversation.threadKey).toBe(ANNA);
    expect(conversation.subject).toBe('Angebot Fenster und Türen');
    expect(conversation.messages).toHaveLength(3);
    const [first, , last] = conversation.messages;
    expect(first).toMatchObject({ from: { email: 'anna.schmidt@schmidt-haushalt.de', name: 'Anna Schmidt' }, recipients: [{ email: 'rep@tidewise-demo.com', name: 'Rita Chen' }], at: Date.parse('2026-11-09T09:14:00Z') });
    expect(first!.text).toBe('Sehr geehrte Frau Chen,\nkönnen Sie uns ein Angebot für zwölf Fenster schicken?');
    expect(last!.recipients.map((p) => p.email)).toEqual(['rep@tidewise-demo.com', 'klaus@schmidt-haushalt.de']);
    expect(new Set(conversation.messages.map((m) => m.id)).size).toBe(3);
    expect(conversation.participants.map((p) => p.email).sort()).toEqual(['anna.schmidt@schmidt-haushalt.de', 'klaus@schmidt-haushalt.de', 'rep@tidewise-demo.com']);
  });

  test('a new mail: recipients without the suggestion decoy, subject, toolbar by the Send icon; Send is heard, then confirmed by the tap', async () => {
    await load(variant);
    untap = installOutlookTap(window);
    const attempts: SendAttempt[] = [];
    const confirmations: SendConfirmation[] = [];
    host.onSendAttempt((attempt) => {
      attempts.push(attempt);
      const img = document.createElement('img');
      img.src = PIXEL;
      attempt.compose.body.append(img);
    }, controller.signal);
    host.onSendConfirmed((confirmation) => confirmations.push(confirmation), controller.signal);
    await page.outlook.compose({ to: ['anna.schmidt@schmidt-haushalt.de'], subject: 'Angebot', body: 'Hallo Anna' });
    const compose = onlyCompose();
    expect(compose.kind).toBe('new');
    expect(compose.recipients()).toEqual([{ email: 'anna.schmidt@schmidt-haushalt.de', name: 'Anna Schmidt' }]);
    expect(compose.subject()).toBe('Angebot');
    expect(compose.threadKey()).toBeNull();
    expect(compose.toolbar()?.querySelector('[data-icon-name="Send"]')).not.toBeNull();
    click(compose.toolbar()?.querySelector('[data-icon-name="Send"]'));
    expect(attempts.map((a) => a.via)).toEqual(['click']);
    expect(page.outlook.requests[0]?.body).toContain(PIXEL);
    await vi.waitFor(() => expect(confirmations).toHaveLength(1));
    expect(confirmations[0]).toMatchObject({ pixelMessageIds: [PIXEL_ID], recipients: [{ email: 'anna.schmidt@schmidt-haushalt.de' }], subject: 'Angebot', threadKey: null });
  });

  test('insertReply opens the inline reply in the conversation and writes the text; Ctrl+Enter sends it with its conversation', async () => {
    await load(variant);
    untap = installOutlookTap(window);
    const confirmations: SendConfirmation[] = [];
    host.onSendConfirmed((confirmation) => confirmations.push(confirmation), controller.signal);
    await open();
    const compose = (await host.insertReply('', 'Guten Tag,\n\nanbei das Angebot.'))!;
    expect(compose).not.toBeNull();
    expect(compose.kind).toBe('reply');
    expect(compose.threadKey()).toBe(ANNA);
    expect(compose.recipients().map((p) => p.email)).toEqual(['anna.schmidt@schmidt-haushalt.de']);
    // The text goes above the quoted message Outlook put in the reply; the quote stays below it.
    expect([...compose.body.children].slice(0, 4).map((div) => div.textContent)).toEqual(['Guten Tag,', '', 'anbei das Angebot.', '']);
    expect(compose.body.querySelector('#divRplyFwdMsg')?.textContent).toContain('anna.schmidt@schmidt-haushalt.de');
    expect(compose.body.lastElementChild?.textContent).toContain('Bitte auch für die Haustür.');
    compose.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    await vi.waitFor(() => expect(confirmations).toHaveLength(1));
    expect(confirmations[0]).toMatchObject({ threadKey: ANNA, recipients: [{ email: 'anna.schmidt@schmidt-haushalt.de' }] });
  });
});

describe('a new mail in its own window (/mail/deeplink/compose)', () => {
  test('the page passes the self-check with no list and no reading pane; the compose has the recipients from the URL', async () => {
    await load({ popout: { to: 'anna.schmidt@schmidt-haushalt.de', subject: 'Angebot 2027', body: 'Sehr geehrte Frau Schmidt,' } });
    expect(document.querySelector('#ReadingPaneContainerId, #MailList')).toBeNull();
    expect(host.selfCheck()).toEqual({ ok: true, missing: [] });
    const compose = onlyCompose();
    expect(compose.kind).toBe('new');
    expect(compose.recipients().map((p) => p.email)).toEqual(['anna.schmidt@schmidt-haushalt.de']);
    expect(compose.subject()).toBe('Angebot 2027');
    // A broken compose there is still named; with no compose at all, the missing mailbox is.
    compose.element.querySelector('i[data-icon-name="Send"]')?.closest('button')?.remove();
    expect(host.selfCheck()).toEqual({ ok: false, missing: ['compose-send-button'] });
    compose.element.remove();
    expect(host.selfCheck()).toEqual({ ok: false, missing: ['reading-pane'] });
  });
});

describe('renderedPixels', () => {
  test('the rep\'s sent message shows the pixel through /actions/ei: proxied URL and original', async () => {
    await load();
    page.outlook.addIncomingMessage(ANNA, { from: 'rep@tidewise-demo.com', name: 'Rita Chen', body: 'Angebot anbei', to: ['anna.schmidt@schmidt-haushalt.de'], images: [PIXEL] });
    await open();
    const found = host.renderedPixels(PREFIX);
    expect(found).toHaveLength(1);
    expect(found[0]!.pixelUrl).toBe(PIXEL);
    expect(found[0]!.proxiedUrl).toMatch(/^https:\/\/outlook\.office\.com\/actions\/ei\?u=https%3A%2F%2Ftrack/);
    expect(host.renderedPixels('someoneElse0000')).toEqual([]);
  });

  test('in a reply\'s editor our pixels are the compose\'s, not views; pixelsInCompose finds them in every form', async () => {
    await load();
    await open();
    await page.outlook.reply();
    const compose = onlyCompose();
    const quoted = [PIXEL, `/actions/ei?u=${encodeURIComponent(PIXEL)}&d=1`, `https://outlook.office.com/actions/ei?u=${encodeURIComponent(encodeURIComponent(PIXEL))}`];
    for (const src of [...quoted, 'https://track.other.example/p/someoneElse0000/x.gif', '/actions/ei?u=https%3A%2F%2Fshop.example%2Flogo.png']) {
      compose.body.append(Object.assign(document.createElement('img'), { src }));
    }
    expect(host.renderedPixels(PREFIX)).toEqual([]);
    const found = host.pixelsInCompose(compose, PREFIX);
    expect(found.map(({ element }) => element.getAttribute('src'))).toEqual(quoted);
    expect(found.map(({ pixelUrl }) => pixelUrl)).toEqual([PIXEL, PIXEL, PIXEL]);
    expect(host.pixelsInCompose(compose, 'someoneElse0000')).toHaveLength(1);
  });

  test.each([
    [`/actions/ei?u=${encodeURIComponent(PIXEL)}&d=1`, PIXEL],
    [`/actions/ei?u=${encodeURIComponent(encodeURIComponent(PIXEL))}&d=1`, PIXEL],
    ['https://outlook.live.com/actions/ei?u=x', 'x'],
    ['https://example.com/img.png', null],
  ])('proxiedOriginal(%s)', (src, expected) => {
    expect(proxiedOriginal(src)?.pixelUrl ?? null).toBe(expected);
  });
});

describe('urls', () => {
  test.each([
    ['https://outlook.office.com/mail/inbox/id/AAMkAD%2Fx%3D', 'AAMkAD/x='],
    ['https://outlook.live.com/mail/0/inbox/id/AQMk%3D', 'AQMk='],
    ['https://outlook.office.com/mail/deeplink/read?ItemID=AAMk%2B1', 'AAMk+1'],
    ['https://outlook.office.com/mail/inbox', null],
  ])('itemIdFromUrl(%s)', (href, expected) => {
    expect(itemIdFromUrl(href)).toBe(expected);
  });

  test.each([
    ['https://outlook.office.com/mail/inbox', 'https://outlook.office.com/mail/search?q=anna%40x.de'],
    ['https://outlook.live.com/mail/0/inbox', 'https://outlook.live.com/mail/0/search?q=anna%40x.de'],
    ['https://outlook.cloud.microsoft/mail/', 'https://outlook.cloud.microsoft/mail/search?q=anna%40x.de'],
  ])('outlookSearchUrl from %s', (current, expected) => {
    expect(outlookSearchUrl('anna@x.de', current)).toBe(expected);
  });
});

describe('selfCheck and onChange', () => {
  test('names what is missing when the markup moves', async () => {
    await load();
    await open();
    for (const el of document.querySelectorAll('[data-lpc-hover-target-id]')) el.removeAttribute('data-lpc-hover-target-id');
    expect(host.selfCheck()).toEqual({ ok: false, missing: ['message-sender'] });
  });

  test('fires when a conversation renders after a route change, and stops on abort; the flushes are timed', async () => {
    await load();
    expect(host.flushDurations()).toEqual([]);
    let calls = 0;
    host.onChange(() => calls++, controller.signal);
    await open();
    await vi.waitFor(() => expect(calls).toBeGreaterThan(0));
    controller.abort();
    const before = calls;
    await open('AAQkADcarlos2');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(calls).toBe(before);
    // The last watcher's durations stay readable after it stopped.
    const durations = host.flushDurations();
    expect(durations.length).toBeGreaterThan(0);
    expect(durations.every((ms) => ms >= 0)).toBe(true);
  });
});

test('a conversation is read again only where the page changed; a body is read when asked for', async () => {
  await load();
  await open();
  const before = host.conversation()!;
  const [first, second] = before.messages;
  const shown = before.messages.map(({ element, ...m }) => m);
  const elements = new Set<unknown>(before.messages.map((m) => m.element));
  const queries = [vi.spyOn(Element.prototype, 'querySelector'), vi.spyOn(Element.prototype, 'querySelectorAll')];
  const messageQueries = () => queries.flatMap((spy) => spy.mock.contexts).filter((context) => elements.has(context)).length;
  expect(host.conversation()?.messages.map(({ element, ...m }) => m)).toEqual(shown);
  expect(messageQueries()).toBe(0);
  for (const spy of queries) spy.mockRestore();

  second!.element.querySelector('[id^="UniqueMessageBody"] > div')!.textContent = 'Liebe Frau Chen, eine Korrektur:';
  second!.element.querySelector('[data-lpc-hover-target-id]')!.setAttribute('title', 'rita@tidewise-neu.de');
  expect(second!.text).toMatch(/^Liebe Frau Chen, eine Korrektur:/);
  expect(host.conversation()?.messages[1]).toMatchObject({ from: { email: 'rita@tidewise-neu.de' }, text: expect.stringMatching(/^Liebe Frau Chen, eine Korrektur:/) });
  expect(host.conversation()?.messages[0]).toMatchObject({ id: first!.id, from: first!.from, text: first!.text });

  const added = second!.element.cloneNode(true) as Element;
  added.setAttribute('data-item-id', 'AAMkADadded=');
  before.messages.at(-1)!.element.after(added);
  expect(host.conversation()?.messages.map((m) => m.id)).toEqual([...before.messages.map((m) => m.id), 'AAMkADadded=']);
});

describe('display names only', () => {
  const ANSWER = JSON.stringify({ Body: { ResponseMessages: { Items: [{ Conversation: { ConversationNodes: [{ Items: [{
    From: { Mailbox: { Name: 'Anna Schmidt', EmailAddress: 'anna.schmidt@schmidt-haushalt.de' } },
    ToRecipients: [{ Name: 'Rita Chen', EmailAddress: 'rep@tidewise-demo.com' }, { Name: 'Klaus Schmidt', EmailAddress: 'klaus@schmidt-haushalt.de' }],
  }] }] } }] } } });

  test('addresses come from the GetConversationItems answer the page-world tap reads', async () => {
    await load({ variant: 'names' });
    const hostController = new AbortController();
    host = createOutlookHost(document, { signal: hostController.signal });
    await open();
    expect(host.conversation()?.messages[0]?.from).toBeNull();
    const pageFetch = window.fetch;
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) =>
      String(input).includes('GetConversationItems') ? new Response(ANSWER, { status: 200 }) : pageFetch(input, init);
    untap = installOutlookTap(window);
    await window.fetch('/owa/service.svc?action=GetConversationItems&app=Mail', { method: 'POST', body: '{}' });
    await vi.waitFor(() => expect(host.conversation()?.messages[0]?.from).toEqual({ email: 'anna.schmidt@schmidt-haushalt.de', name: 'Anna Schmidt' }));
    expect(host.conversation()?.participants.map((p) => p.email).sort()).toEqual(['anna.schmidt@schmidt-haushalt.de', 'klaus@schmidt-haushalt.de', 'rep@tidewise-demo.com']);
    hostController.abort();
  });
});
