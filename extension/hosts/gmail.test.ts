// The Gmail host against the fixture Gmail (test/fixtures/gmail), loaded into happy-dom: every
// Host method, the decoy autocomplete, the older markup ("drift"), proxied pixels, the send path
// from the rep's click to the tap's confirmation.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { loadFakeGmail, type LoadedGmail, type LoadOptions } from '../../test/fixtures/gmail/happy-dom.ts';
import { createGmailHost, parseGmailDate, type GmailHost } from './gmail.ts';
import { parseSendRequest, type SentMessage } from './gmail-send-request.ts';
import { installGmailTap } from './gmail-tap.ts';
import type { Compose, SendAttempt, SendConfirmation } from './host.ts';

const ANNA = 'FMfcgzzCxtJLXimycHOeAhmsICVXRlmf';
const CARLOS = 'FMfcgzbJKPVhrHtKRwKNKQMFWrffOFov';
const SAMPLES = 'FMfcgzPNAxiRNpcivFHyqHkOuSTDpceb';
const PREFIX = 'tw84tAtqmZBOChhg';
const key = (legacy: string) => `thread-f:${BigInt(`0x${legacy}`)}`;
const ANNA_KEY = key('19a6f0b2c4d81e01');
const PIXEL = `https://track.tidewise-demo.com/p/${PREFIX}/AaxK-GUsReRp_iGiD-JJIZgs2gczPK2G3ntZHCsNjDww.gif`;
const PIXEL_ID = 'rEr4ZSxF5Gn-IaIP4kkhmA';

let page: LoadedGmail;
let host: GmailHost;
let controller: AbortController;
let untap: (() => void) | null = null;

async function load(options: LoadOptions = {}, hostOptions: Parameters<typeof createGmailHost>[1] = {}) {
  page = await loadFakeGmail({ renderDelay: [1, 5], undoMs: 20, ...options });
  host = createGmailHost(document, { replyTimeoutMs: 1000, ...hostOptions });
  controller = new AbortController();
}
const rendered = () => page.gmail.whenRendered();
async function go(hash: string) {
  page.gmail.route(hash);
  await vi.waitFor(() => expect(location.hash).toBe(hash));
  await new Promise((resolve) => setTimeout(resolve, 0));
  await rendered();
}
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const click = (element: Element | null | undefined) => {
  if (!element) throw new Error('nothing to click');
  element.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
};
const key_ = (target: Element, init: KeyboardEventInit) => target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
function onlyCompose(): Compose {
  const all = host.composes();
  expect(all).toHaveLength(1);
  return all[0]!;
}
function addPixel(compose: Compose, src = PIXEL) {
  const img = document.createElement('img');
  img.src = src;
  compose.body.append(img);
}

afterEach(() => {
  controller?.abort();
  untap?.();
  untap = null;
  page?.gmail.destroy();
});

describe('who and where', () => {
  test('the rep from the title, with the name from the account button', async () => {
    await load();
    expect(host.currentUser()).toEqual({ email: 'rep@tidewise-demo.com', name: 'Rita Chen' });
  });

  test('the account button alone when the title has no address yet', async () => {
    await load();
    document.title = 'Gmail';
    expect(host.currentUser()).toEqual({ email: 'rep@tidewise-demo.com', name: 'Rita Chen' });
    document.querySelector('#gb a')?.remove();
    expect(host.currentUser()).toBeNull();
  });

  test('openThreadUrl searches the address in the same account', async () => {
    await load();
    expect(host.openThreadUrl('anna.schmidt@schmidt-haushalt.de')).toBe('https://mail.google.com/mail/u/0/#search/anna.schmidt%40schmidt-haushalt.de');
  });
});

describe('selfCheck', () => {
  test.each([
    ['the inbox', {}],
    ['an open thread', { hash: `#inbox/${ANNA}` }],
    ['an open thread, older markup', { hash: `#inbox/${ANNA}`, variant: 'drift' as const }],
  ])('all anchors present on %s', async (_, options) => {
    await load(options);
    expect(host.selfCheck()).toEqual({ ok: true, missing: [] });
  });

  test('an empty preview pane is no open thread', async () => {
    await load();
    const pane = document.createElement('div');
    pane.className = 'aia';
    pane.textContent = 'No conversations selected';
    document.querySelector('[role=main]')?.append(pane);
    expect(host.selfCheck()).toEqual({ ok: true, missing: [] });
  });

  test('names what is missing', async () => {
    await load({ hash: `#inbox/${ANNA}` });
    await page.gmail.compose();
    document.querySelector('h2.hP')?.remove();
    document.querySelector('[role=dialog] .IZ')?.remove();
    expect(host.selfCheck()).toEqual({ ok: false, missing: ['thread-subject', 'compose-send-button'] });
    document.querySelector('[role=main]')?.removeAttribute('role');
    expect(host.selfCheck().missing).toContain('main');
  });
});

describe('a compose popped out into its own page (?view=cm)', () => {
  const popout = { to: 'anna.schmidt@schmidt-haushalt.de', su: 'Catalogue 2027', body: 'Dear Anna,' };

  test('the page passes the self-check without a mailbox, and the compose is found with the recipients from the URL', async () => {
    await load({ popout });
    expect(document.querySelector('[role=main]')).toBeNull();
    expect(host.selfCheck()).toEqual({ ok: true, missing: [] });
    const compose = onlyCompose();
    expect(compose.recipients()).toEqual([{ email: 'anna.schmidt@schmidt-haushalt.de', name: 'Anna Schmidt' }]);
    expect(compose.subject()).toBe('Catalogue 2027');
    expect(compose.toolbar()).not.toBeNull();
    // A broken compose there is still named.
    compose.element.querySelector('.IZ')?.remove();
    expect(host.selfCheck()).toEqual({ ok: false, missing: ['compose-send-button'] });
  });

  test('the mailbox page without its main area is not ok', async () => {
    await load();
    document.querySelector('[role=main]')?.removeAttribute('role');
    expect(host.selfCheck().missing).toEqual(['main']);
  });

  test('its Send is heard before Gmail reads the body and confirmed by the tap', async () => {
    await load({ popout });
    const confirmations: SendConfirmation[] = [];
    host.onSendAttempt(({ compose }) => addPixel(compose), controller.signal);
    host.onSendConfirmed((confirmation) => confirmations.push(confirmation), controller.signal);
    untap = installGmailTap(window);
    click(onlyCompose().toolbar()!.querySelector('[role=button][data-tooltip^="Send"]'));
    await vi.waitFor(() => expect(confirmations).toHaveLength(1));
    expect(confirmations[0]).toMatchObject({ pixelMessageIds: [PIXEL_ID], subject: 'Catalogue 2027', recipients: [{ email: 'anna.schmidt@schmidt-haushalt.de' }] });
  });
});

describe('inboxRows', () => {
  test('every row with its thread key, latest sender, subject, time and unread state', async () => {
    await load();
    expect(host.inboxRows()).toEqual([
      { threadKey: ANNA_KEY, from: { email: 'anna.schmidt@schmidt-haushalt.de', name: 'Anna Schmidt' }, subject: 'Quotation Q-2026-118: stainless cookware, FOB Ningbo', snippet: 'Dear Rita, thank you for the quotation. Could you confirm the lead time for 1,2', at: Date.parse('2026-11-12T14:02:00Z'), unread: true },
      { threadKey: key('19a5d2e4f6a81c03'), from: { email: 'carlos@lopez-importaciones.mx', name: 'Carlos López' }, subject: 'Price list 2027 for Lopez Importaciones', snippet: 'Hi Rita, thanks, we will review the list with our team and come back to you nex', at: Date.parse('2026-11-05T18:25:00Z'), unread: false },
      { threadKey: key('19a8b4d6f8a02e04'), from: { email: 'procurement@gulf-trading.ae', name: 'Gulf Trading Procurement' }, subject: 'RFQ: one 40HQ container of kitchen textiles', snippet: 'Dear Supplier, please quote CIF Jebel Ali for one 40HQ container of kitchen tex', at: Date.parse('2026-11-20T07:31:00Z'), unread: true },
      { threadKey: key('19a9c5e7a9b13f05'), from: { email: 'einkauf@nordic-living.se', name: 'Lina Berg' }, subject: 'Order confirmation PO-7781', snippet: 'Hello Rita, attached is our purchase order PO-7781 for 600 enamel casseroles. P', at: Date.parse('2026-11-23T10:05:00Z'), unread: true },
    ]);
  });

  test('the same keys from the older markup (legacy thread ids only)', async () => {
    await load({ variant: 'drift' });
    expect(document.querySelector('[data-thread-id]')).toBeNull();
    expect(host.inboxRows().map((row) => row.threadKey)).toEqual([ANNA_KEY, key('19a5d2e4f6a81c03'), key('19a8b4d6f8a02e04'), key('19a9c5e7a9b13f05')]);
  });

  test('the rep as latest sender stays the latest sender', async () => {
    await load({ hash: '#sent' });
    expect(host.inboxRows().map((row) => row.from.email)).toEqual(['rep@tidewise-demo.com']);
  });

  test('a search result list (where openThreadUrl lands) has rows too', async () => {
    await load({ hash: `#search/${encodeURIComponent('carlos@lopez-importaciones.mx')}` });
    expect(host.inboxRows().map((row) => row.subject)).toEqual(['Price list 2027 for Lopez Importaciones']);
  });
});

describe('conversation', () => {
  test('null on a list', async () => {
    await load();
    expect(host.conversation()).toBeNull();
  });

  test('thread key, subject, messages (collapsed: sender only) and participants', async () => {
    await load({ hash: `#inbox/${ANNA}` });
    const conversation = host.conversation();
    expect(conversation).toMatchObject({ threadKey: ANNA_KEY, subject: 'Quotation Q-2026-118: stainless cookware, FOB Ningbo' });
    expect(conversation?.messages.map(({ element, ...message }) => message)).toEqual([
      { id: `msg-f:${BigInt('0x19a6f0b2c4d81e01')}`, from: { email: 'rep@tidewise-demo.com', name: 'Rita Chen' }, recipients: [], at: Date.parse('2026-11-10T09:14:00Z'), text: null, subject: 'Quotation Q-2026-118: stainless cookware, FOB Ningbo' },
      {
        id: `msg-f:${BigInt('0x19a7a1c3e5f70b22')}`,
        from: { email: 'anna.schmidt@schmidt-haushalt.de', name: 'Anna Schmidt' },
        recipients: [{ email: 'rep@tidewise-demo.com', name: 'Rita Chen' }, { email: 'andreas.schmidt@schmidt-haushalt.de', name: 'Andreas Schmidt' }],
        at: Date.parse('2026-11-12T14:02:00Z'),
        text: 'Dear Rita,\n\nthank you for the quotation. Could you confirm the lead time for 1,200 sets and whether the lids are dishwasher safe?\n\nBest regards\nAnna Schmidt\nEinkauf, Schmidt Haushaltswaren GmbH',
        subject: 'Quotation Q-2026-118: stainless cookware, FOB Ningbo',
      },
    ]);
    expect(conversation?.messages[1]?.element.matches('div.adn.h7')).toBe(true);
    expect(conversation?.participants.map((p) => p.email)).toEqual(['rep@tidewise-demo.com', 'anna.schmidt@schmidt-haushalt.de', 'andreas.schmidt@schmidt-haushalt.de']);
  });

  test('a collapsed message read again once expanded', async () => {
    await load({ hash: `#inbox/${ANNA}` });
    click(document.querySelector('div.adn.kv'));
    expect(host.conversation()?.messages[0]).toMatchObject({ recipients: [{ email: 'anna.schmidt@schmidt-haushalt.de' }], text: expect.stringContaining('quotation Q-2026-118') });
  });

  test('the older markup gives the same conversation (div.if, legacy ids, td.gF sender)', async () => {
    await load({ hash: `#inbox/${ANNA}` });
    const current = host.conversation();
    page.gmail.destroy();
    await load({ hash: `#inbox/${ANNA}`, variant: 'drift' });
    expect(document.querySelector('h2.hP, [data-message-id], span.gD, .a98.iY')).toBeNull();
    const drifted = host.conversation();
    expect(drifted?.threadKey).toBe(current?.threadKey);
    expect(drifted?.messages.map(({ element, ...m }) => m)).toEqual(current?.messages.map(({ element, ...m }) => m));
  });

  test('a 200-message thread', async () => {
    await load({ thread: 'long' });
    const conversation = host.conversation();
    expect(conversation?.messages).toHaveLength(200);
    expect(conversation?.messages.filter((m) => m.text !== null)).toHaveLength(3);
    expect(new Set(conversation?.messages.map((m) => m.id)).size).toBe(200);
  });

  test('read again only where the page changed; a body is read when asked for', async () => {
    await load({ hash: `#inbox/${ANNA}` });
    const before = host.conversation()!;
    const [first, anna] = before.messages;
    const shown = before.messages.map(({ element, ...m }) => m);
    const elements = new Set<unknown>(before.messages.map((m) => m.element));
    const queries = [vi.spyOn(Element.prototype, 'querySelector'), vi.spyOn(Element.prototype, 'querySelectorAll')];
    const messageQueries = () => queries.flatMap((spy) => spy.mock.contexts).filter((context) => elements.has(context)).length;
    expect(host.conversation()?.messages.map(({ element, ...m }) => m)).toEqual(shown);
    expect(messageQueries()).toBe(0);
    for (const spy of queries) spy.mockRestore();

    anna!.element.querySelector('div.a3s > div')!.textContent = 'Dear Rita, one correction:';
    anna!.element.querySelector('span.gD')!.setAttribute('email', 'anna@schmidt-neu.de');
    expect(anna!.text).toMatch(/^Dear Rita, one correction:\n/);
    expect(host.conversation()?.messages[1]).toMatchObject({ from: { email: 'anna@schmidt-neu.de' }, text: expect.stringMatching(/^Dear Rita, one correction:/) });
    expect(host.conversation()?.messages[0]).toMatchObject({ id: first!.id, from: first!.from });

    const added = anna!.element.cloneNode(true) as Element;
    added.setAttribute('data-message-id', '#msg-f:1851000000000000001');
    anna!.element.after(added);
    expect(host.conversation()?.messages.map((m) => m.id)).toEqual([first!.id, anna!.id, 'msg-f:1851000000000000001']);
  });

  test('an out-of-office answer arrives as a message with its text', async () => {
    await load({ hash: `#inbox/${CARLOS}` });
    page.gmail.addIncomingMessage(CARLOS, { from: 'carlos@lopez-importaciones.mx', name: 'Carlos López', autoReply: true });
    await rendered();
    const last = host.conversation()?.messages.at(-1);
    expect(last).toMatchObject({ from: { email: 'carlos@lopez-importaciones.mx' }, text: expect.stringMatching(/^Thank you for your message\. I am currently out of the office/) });
    expect(last?.at).toBeGreaterThan(Date.now() - 120_000);
  });
});

describe('composes', () => {
  test('a new-mail dialog: id, kind, recipients without the autocomplete decoy, subject, toolbar', async () => {
    await load();
    await page.gmail.compose({ to: ['anna.schmidt@schmidt-haushalt.de'], cc: ['carlos@lopez-importaciones.mx'], subject: 'Catalogue 2027' });
    const compose = onlyCompose();
    // The suggestion popup shows other addresses; they are not recipients.
    expect(compose.element.querySelector('[role=listbox] [email="andreas.schmidt@schmidt-haushalt.de"]')).not.toBeNull();
    expect(compose).toMatchObject({ kind: 'new' });
    expect(compose.element.matches('[role=dialog]')).toBe(true);
    expect(compose.body.matches('div.Am.Al.editable[contenteditable=true]')).toBe(true);
    expect(compose.recipients()).toEqual([
      { email: 'anna.schmidt@schmidt-haushalt.de', name: 'Anna Schmidt' },
      { email: 'carlos@lopez-importaciones.mx', name: 'Carlos López' },
    ]);
    expect(compose.subject()).toBe('Catalogue 2027');
    expect(compose.threadKey()).toBeNull();
    expect(compose.toolbar()?.matches('tr.btC')).toBe(true);
    expect(compose.toolbar()?.querySelector('[role=button][data-tooltip^="Send"]')).not.toBeNull();
    expect(host.composes()[0]).toBe(compose);
    expect(compose.id).toBe(compose.element.querySelector<HTMLInputElement>('input[name=composeid]')?.value);
  });

  test('typing into the To field shows more suggestions; only the chips count', async () => {
    await load();
    await page.gmail.compose({ to: ['procurement@gulf-trading.ae'] });
    const input = document.querySelector<HTMLInputElement>('div[name=to] input[role=combobox]')!;
    input.value = 'schmidt';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    expect(document.querySelectorAll('div[name=to] [role=listbox] [role=option]').length).toBe(2);
    expect(onlyCompose().recipients()).toEqual([{ email: 'procurement@gulf-trading.ae', name: 'Gulf Trading Procurement' }]);
    key_(input, { key: 'Enter' });
    expect(onlyCompose().recipients()).toEqual([{ email: 'procurement@gulf-trading.ae', name: 'Gulf Trading Procurement' }]);
    input.value = 'einkauf@nordic-living.se';
    key_(input, { key: 'Enter' });
    expect(onlyCompose().recipients().map((p) => p.email)).toEqual(['procurement@gulf-trading.ae', 'einkauf@nordic-living.se']);
  });

  test('People Kit chips inside a listbox are recipients; the suggestion popup still is not', async () => {
    await load({ variant: 'chips-listbox' });
    await page.gmail.compose({ to: ['anna.schmidt@schmidt-haushalt.de', 'carlos@lopez-importaciones.mx'], bcc: ['procurement@gulf-trading.ae'] });
    expect(document.querySelectorAll('div[name=to] [role=listbox]')).toHaveLength(2);
    expect(onlyCompose().recipients().map((p) => p.email)).toEqual(['anna.schmidt@schmidt-haushalt.de', 'carlos@lopez-importaciones.mx', 'procurement@gulf-trading.ae']);
  });

  test('legacy hidden recipient inputs (older markup)', async () => {
    await load({ variant: 'drift' });
    await page.gmail.compose({ to: ['anna.schmidt@schmidt-haushalt.de', 'carlos@lopez-importaciones.mx'], cc: ['m.rossi@casa-rossi.it'] });
    const compose = onlyCompose();
    expect(compose.element.querySelector('div[name=to], [g_editable]')).toBeNull();
    expect(compose.recipients()).toEqual([
      { email: 'anna.schmidt@schmidt-haushalt.de', name: 'Anna Schmidt' },
      { email: 'carlos@lopez-importaciones.mx', name: 'Carlos López' },
      { email: 'm.rossi@casa-rossi.it', name: 'Marco Rossi' },
    ]);
    expect(compose.toolbar()?.querySelector('div.T-I.T-I-atl[role=button]')).not.toBeNull();
    expect(host.selfCheck().ok).toBe(true);
  });

  test('an inline reply is a reply in the open thread; Fwd: makes a forward', async () => {
    await load({ hash: `#inbox/${ANNA}` });
    await page.gmail.reply();
    const reply = onlyCompose();
    expect(reply).toMatchObject({ kind: 'reply' });
    expect(reply.element.closest('[role=dialog]')).toBeNull();
    expect(reply.threadKey()).toBe(ANNA_KEY);
    expect(reply.recipients()).toEqual([{ email: 'anna.schmidt@schmidt-haushalt.de', name: 'Anna Schmidt' }]);
    expect(reply.subject()).toBe('Re: Quotation Q-2026-118: stainless cookware, FOB Ningbo');
    click(reply.element.querySelector('[aria-label="Discard draft"]'));
    click(document.querySelector('.ams.bkI'));
    await rendered();
    expect(onlyCompose()).toMatchObject({ kind: 'forward' });
  });

  test('a dialog whose subject starts with Re: is a reply', async () => {
    await load();
    await page.gmail.compose({ subject: 'RE: Order confirmation PO-7781' });
    expect(onlyCompose().kind).toBe('reply');
  });
});

describe('sending', () => {
  test('a click on Send calls back before Gmail reads the body; what we add there is sent', async () => {
    await load();
    await page.gmail.compose({ to: ['anna.schmidt@schmidt-haushalt.de'], subject: 'Catalogue 2027', body: 'Dear Anna,\n\nour catalogue.' });
    const attempts: SendAttempt[] = [];
    host.onSendAttempt((attempt) => {
      attempts.push(attempt);
      expect(attempt.compose.body.isConnected).toBe(true);
      addPixel(attempt.compose);
    }, controller.signal);
    click(document.querySelector('[role=dialog] [role=button][data-tooltip^="Send"]'));
    expect(attempts.map((a) => a.via)).toEqual(['click']);
    await vi.waitFor(() => expect(page.fetched).toHaveLength(1));
    const [sent] = parseSendRequest(page.fetched[0]!.body!);
    expect(page.fetched[0]).toMatchObject({ method: 'POST', url: expect.stringMatching(/^\/sync\/u\/0\/i\/s\?/) });
    expect(sent).toMatchObject({ subject: 'Catalogue 2027', to: [{ email: 'anna.schmidt@schmidt-haushalt.de' }], pixels: [{ messageId: PIXEL_ID }] });
  });

  test.each([
    ['Enter on the Send button', (c: Compose) => key_(c.toolbar()!.querySelector('[role=button][data-tooltip^="Send"]')!, { key: 'Enter' })],
    ['Space on the Send button', (c: Compose) => key_(c.toolbar()!.querySelector('[role=button][data-tooltip^="Send"]')!, { key: ' ' })],
    ['Ctrl+Enter in the body', (c: Compose) => key_(c.body, { key: 'Enter', ctrlKey: true })],
    ['Cmd+Enter in the subject', (c: Compose) => key_(c.element.querySelector('input[name=subjectbox]')!, { key: 'Enter', metaKey: true })],
  ])('%s is a keyboard send', async (_, press) => {
    await load();
    await page.gmail.compose({ to: ['carlos@lopez-importaciones.mx'] });
    const attempts: SendAttempt[] = [];
    host.onSendAttempt((attempt) => attempts.push(attempt), controller.signal);
    const compose = onlyCompose();
    press(compose);
    expect(attempts.map((a) => [a.via, a.compose.id])).toEqual([['keyboard', compose.id]]);
    expect(host.composes()).toEqual([]);
  });

  test('one press is one attempt; the send-options arrow and plain Enter in the body are none', async () => {
    await load();
    await page.gmail.compose({ to: ['carlos@lopez-importaciones.mx'] });
    const compose = onlyCompose();
    const attempts: SendAttempt[] = [];
    host.onSendAttempt((attempt) => attempts.push(attempt), controller.signal);
    click(compose.element.querySelector('[aria-haspopup=true]'));
    key_(compose.body, { key: 'Enter' });
    expect(attempts).toEqual([]);
    const send = compose.toolbar()!.querySelector('[role=button][data-tooltip^="Send"]')!;
    key_(send, { key: 'Enter' });
    click(send);
    expect(attempts).toHaveLength(1);
  });

  test('Schedule send in the send menu is a send of the compose that opened the menu, before Gmail reads the body', async () => {
    await load();
    await page.gmail.compose({ to: ['carlos@lopez-importaciones.mx'], subject: 'Later' });
    const compose = onlyCompose();
    const attempts: SendAttempt[] = [];
    host.onSendAttempt((attempt) => {
      attempts.push(attempt);
      addPixel(attempt.compose);
    }, controller.signal);
    click(compose.element.querySelector('[aria-haspopup=true]'));
    expect(attempts).toEqual([]);
    const item = document.querySelector('[role=menu] [selector=scheduledSend]')!;
    expect(compose.element.contains(item)).toBe(false);
    key_(item, { key: 'Enter' });
    expect(attempts.map((a) => [a.via, a.compose.id])).toEqual([['keyboard', compose.id]]);
    click(document.querySelector('[role=dialog][aria-label="Schedule send"] [data-send-at]'));
    await vi.waitFor(() => expect(page.fetched).toHaveLength(1));
    expect(parseSendRequest(page.fetched[0]!.body!)).toMatchObject([{ subject: 'Later', scheduled: true, pixels: [{ messageId: PIXEL_ID }] }]);
  });

  test('a schedule dialog left with Cancel sends nothing', async () => {
    await load();
    await page.gmail.compose({ to: ['carlos@lopez-importaciones.mx'] });
    const compose = onlyCompose();
    click(compose.element.querySelector('[aria-haspopup=true]'));
    click(document.querySelector('[role=menu] [selector=scheduledSend]'));
    click(document.querySelector('[role=dialog][aria-label="Schedule send"] button[name=cancel]'));
    await wait(20);
    expect(page.fetched).toEqual([]);
    expect(host.composes()).toEqual([compose]);
  });

  test('the older Send button (div.T-I.T-I-atl, no tooltip) is heard too', async () => {
    await load({ variant: 'drift' });
    await page.gmail.compose({ to: ['carlos@lopez-importaciones.mx'] });
    const attempts: SendAttempt[] = [];
    host.onSendAttempt((attempt) => attempts.push(attempt), controller.signal);
    click(document.querySelector('[role=dialog] div.T-I.T-I-atl:not([aria-haspopup])'));
    expect(attempts).toHaveLength(1);
  });

  test('a failing send handler never stops the send', async () => {
    await load();
    await page.gmail.compose({ to: ['carlos@lopez-importaciones.mx'] });
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    host.onSendAttempt(() => {
      throw new Error('ours');
    }, controller.signal);
    click(onlyCompose().toolbar()!.querySelector('[role=button][data-tooltip^="Send"]'));
    await vi.waitFor(() => expect(page.fetched).toHaveLength(1));
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
  });

  describe('confirmation through the page-world tap', () => {
    async function sendWithPixel() {
      host.onSendAttempt(({ compose }) => addPixel(compose), controller.signal);
      const confirmations: SendConfirmation[] = [];
      host.onSendConfirmed((confirmation) => confirmations.push(confirmation), controller.signal);
      untap = installGmailTap(window);
      return confirmations;
    }

    test('a new mail is confirmed after the undo window, with pixel id, recipients and subject', async () => {
      await load({ undoMs: 60 });
      const confirmations = await sendWithPixel();
      await page.gmail.compose({ to: ['anna.schmidt@schmidt-haushalt.de'], cc: ['carlos@lopez-importaciones.mx'], bcc: ['procurement@gulf-trading.ae'], subject: 'Catalogue 2027' });
      const before = Date.now();
      click(onlyCompose().toolbar()!.querySelector('[role=button][data-tooltip^="Send"]'));
      expect(document.querySelector('#link_undo')).not.toBeNull();
      await wait(20);
      expect(confirmations).toEqual([]);
      await vi.waitFor(() => expect(confirmations).toHaveLength(1));
      expect(confirmations[0]).toEqual({
        pixelMessageIds: [PIXEL_ID],
        recipients: [
          { email: 'anna.schmidt@schmidt-haushalt.de', name: 'Anna Schmidt' },
          { email: 'carlos@lopez-importaciones.mx', name: 'Carlos López' },
          { email: 'procurement@gulf-trading.ae', name: 'Gulf Trading Procurement' },
        ],
        subject: 'Catalogue 2027',
        threadKey: expect.stringMatching(/^thread-a:r-?\d+$/),
        at: expect.any(Number),
      });
      expect(confirmations[0]!.at).toBeGreaterThanOrEqual(before);
    });

    test('a reply is confirmed in its thread; the pixel shows up proxied in the thread afterwards', async () => {
      await load({ hash: `#inbox/${ANNA}` });
      const confirmations = await sendWithPixel();
      await page.gmail.reply();
      click(onlyCompose().toolbar()!.querySelector('[role=button][data-tooltip^="Send"]'));
      await vi.waitFor(() => expect(confirmations).toHaveLength(1));
      expect(confirmations[0]).toMatchObject({ threadKey: ANNA_KEY, pixelMessageIds: [PIXEL_ID], subject: 'Re: Quotation Q-2026-118: stainless cookware, FOB Ningbo' });
      await rendered();
      const shown = host.renderedPixels(PREFIX).map((p) => p.pixelUrl);
      expect(shown).toContain(PIXEL);
      // The quoted copy of the earlier message does not confirm its pixel again.
      expect(parseSendRequest(page.fetched.at(-1)!.body!)[0]?.pixels).toHaveLength(1);
    });

    test('Undo reopens the draft and nothing is sent or confirmed; a later Send is', async () => {
      await load({ undoMs: 80 });
      const confirmations = await sendWithPixel();
      await page.gmail.compose({ to: ['anna.schmidt@schmidt-haushalt.de'], subject: 'Catalogue 2027' });
      const compose = onlyCompose();
      click(compose.toolbar()!.querySelector('[role=button][data-tooltip^="Send"]'));
      expect(host.composes()).toEqual([]);
      click(document.querySelector('#link_undo'));
      expect(host.composes()).toEqual([compose]);
      await wait(150);
      expect(page.fetched).toEqual([]);
      expect(confirmations).toEqual([]);
      expect(compose.body.querySelectorAll('img')).toHaveLength(1);
      // (The tracked-sending feature removes its own earlier pixel before adding one; here it stays.)
      await wait(300);
      click(compose.toolbar()!.querySelector('[role=button][data-tooltip^="Send"]'));
      await vi.waitFor(() => expect(confirmations).toHaveLength(1));
    });

    test('a discarded draft sends nothing', async () => {
      await load();
      const confirmations = await sendWithPixel();
      await page.gmail.compose({ to: ['anna.schmidt@schmidt-haushalt.de'] });
      click(document.querySelector('[aria-label="Discard draft"]'));
      await wait(80);
      expect(host.composes()).toEqual([]);
      expect(page.fetched).toEqual([]);
      expect(confirmations).toEqual([]);
    });

    test('draft saves are not sends', async () => {
      await load();
      page.gmail.setDraftSaves(true);
      const confirmations = await sendWithPixel();
      await page.gmail.compose({ to: ['anna.schmidt@schmidt-haushalt.de'] });
      onlyCompose().body.dispatchEvent(new Event('input', { bubbles: true }));
      await vi.waitFor(() => expect(page.fetched).toHaveLength(1));
      await wait(10);
      expect(confirmations).toEqual([]);
    });

    test('with a pixel prefix, other pixels are left out', async () => {
      await load({}, { pixelPrefix: () => 'someoneElsePrefix' });
      const confirmations = await sendWithPixel();
      await page.gmail.compose({ to: ['anna.schmidt@schmidt-haushalt.de'] });
      click(onlyCompose().toolbar()!.querySelector('[role=button][data-tooltip^="Send"]'));
      await vi.waitFor(() => expect(confirmations).toHaveLength(1));
      expect(confirmations[0]?.pixelMessageIds).toEqual([]);
    });

    test('a confirmation carrying a time ahead of now (a scheduled send may) is dated when it was heard', async () => {
      await load();
      const confirmations: SendConfirmation[] = [];
      host.onSendConfirmed((c) => confirmations.push(c), controller.signal);
      const sent: SentMessage = {
        messageId: 'msg-a:r42', threadId: null, from: { email: 'rep@tidewise-demo.com' }, to: [{ email: 'anna.schmidt@schmidt-haushalt.de' }],
        cc: [], bcc: [], subject: 'Monday', at: Date.now() + 3 * 86_400_000, scheduled: true, pixels: [],
      };
      const before = Date.now();
      document.dispatchEvent(new CustomEvent('tidewise:gmail-sent', { detail: JSON.stringify(sent) }));
      expect(confirmations).toHaveLength(1);
      expect(confirmations[0]!.at).toBeGreaterThanOrEqual(before);
      expect(confirmations[0]!.at).toBeLessThanOrEqual(Date.now());
      document.dispatchEvent(new CustomEvent('tidewise:gmail-sent', { detail: JSON.stringify({ ...sent, at: before - 5000 }) }));
      expect(confirmations[1]!.at).toBe(before - 5000);
    });

    test('events that are not valid JSON of the right shape are ignored', async () => {
      await load();
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const confirmations: SendConfirmation[] = [];
      host.onSendConfirmed((c) => confirmations.push(c), controller.signal);
      document.dispatchEvent(new CustomEvent('tidewise:gmail-sent', { detail: '{"messageId":1}' }));
      document.dispatchEvent(new CustomEvent('tidewise:gmail-sent', { detail: 'nope' }));
      document.dispatchEvent(new CustomEvent('tidewise:gmail-sent', { detail: { not: 'a string' } }));
      expect(confirmations).toEqual([]);
      expect(warn).toHaveBeenCalledTimes(2);
      warn.mockRestore();
    });
  });
});

describe('renderedPixels', () => {
  test('proxied images of our pixels: proxied URL without the fragment, original pixel URL', async () => {
    await load({ hash: `#sent/${SAMPLES}` });
    const pixels = host.renderedPixels(PREFIX);
    expect(pixels).toHaveLength(1);
    const [pixel] = pixels;
    expect(pixel?.pixelUrl).toBe(`https://track.tidewise-demo.com/p/${PREFIX}/AYL-Z28YROw2-MwfR87u117IX_PMfuYDfnB9ORyX3Zy2.gif`);
    expect(pixel?.proxiedUrl).toMatch(/^https:\/\/ci3\.googleusercontent\.com\/meips\/[\w-]+=s0-d-e1-ft$/);
    expect(pixel?.element.getAttribute('src')).toBe(`${pixel?.proxiedUrl}#${pixel?.pixelUrl}`);
    expect(host.renderedPixels('anotherPrefix1')).toEqual([]);
  });

  test('a collapsed message shows no image until it is expanded', async () => {
    await load({ hash: `#inbox/${ANNA}` });
    expect(host.renderedPixels(PREFIX)).toEqual([]);
    click(document.querySelector('div.adn.kv'));
    expect(host.renderedPixels(PREFIX).map((p) => p.pixelUrl)).toEqual([`https://track.tidewise-demo.com/p/${PREFIX}/AXXzG4bsd3I16b2LfSx-O3XO3SJYWi3fqoS5nmfgGTIR.gif`]);
  });

  test.each([
    ['the older /proxy/ form', `https://ci5.googleusercontent.com/proxy/AbC=s0-d-e1-ft#${PIXEL}`, 1],
    ['an encoded fragment', `https://ci5.googleusercontent.com/meips/AbC=s0-d-e1-ft#${encodeURIComponent(PIXEL)}`, 1],
    ['a direct load', PIXEL, 1],
    ['a lookalike host', `https://googleusercontent.com.example/meips/x#${PIXEL}`, 1],
    ['another account', PIXEL.replace(PREFIX, 'otherPrefix12345'), 0],
  ])('%s', async (_, src, count) => {
    await load();
    const img = document.createElement('img');
    img.setAttribute('src', src);
    document.querySelector('[role=main]')?.append(img);
    const found = host.renderedPixels(PREFIX);
    expect(found).toHaveLength(count);
    if (count) expect(found[0]?.pixelUrl).toBe(src.startsWith('https://ci5') ? PIXEL : src);
  });

  test('the raw pixel in the rep\'s own compose is not a view', async () => {
    await load();
    await page.gmail.compose();
    addPixel(onlyCompose());
    expect(host.renderedPixels(PREFIX)).toEqual([]);
  });

  test('pixelsInCompose: our pixels in a compose body, direct or behind the proxy; nobody else\'s', async () => {
    await load();
    await page.gmail.compose();
    const compose = onlyCompose();
    const ours = [PIXEL, `https://ci5.googleusercontent.com/meips/AbC=s0-d-e1-ft#${PIXEL}`, `https://ci5.googleusercontent.com/proxy/AbC=s0-d-e1-ft#${encodeURIComponent(PIXEL)}`];
    for (const src of [...ours, PIXEL.replace(PREFIX, 'otherPrefix12345'), 'https://ci5.googleusercontent.com/meips/AbC=s0-d-e1-ft#https://shop.example/100%-cotton.png']) {
      const img = document.createElement('img');
      img.setAttribute('src', src);
      compose.body.append(img);
    }
    const found = host.pixelsInCompose(compose, PREFIX);
    expect(found.map(({ element }) => element.getAttribute('src'))).toEqual(ours);
    expect(found.map(({ pixelUrl }) => pixelUrl)).toEqual([PIXEL, PIXEL, PIXEL]);
  });
});

describe('insertReply', () => {
  test('opens the inline reply, writes the text with DOM APIs only and nudges the draft', async () => {
    await load({ hash: `#inbox/${ANNA}` });
    const sinks = forbidHtmlSinks();
    expect(() => {
      document.createElement('div').innerHTML = '<b>x</b>';
    }).toThrow('innerHTML is an HTML sink');
    sinks.used.length = 0;
    const events: string[] = [];
    document.addEventListener('input', () => events.push('input'), { signal: controller.signal });
    document.addEventListener('keydown', (e) => events.push(`keydown:${e.keyCode}`), { signal: controller.signal });
    try {
      const compose = await host.insertReply('Re: Quotation Q-2026-118: stainless cookware, FOB Ningbo', 'Dear Anna,\n\nthe lids are dishwasher safe.\nLead time: 45 days.');
      expect(compose).toMatchObject({ kind: 'reply' });
      expect(compose?.threadKey()).toBe(ANNA_KEY);
      expect([...compose!.body.children].map((div) => div.textContent)).toEqual(['Dear Anna,', '', 'the lids are dishwasher safe.', 'Lead time: 45 days.']);
      expect(compose!.body.children[1]?.firstElementChild?.tagName).toBe('BR');
      expect(host.composes()).toEqual([compose]);
      await vi.waitFor(() => expect(events).toEqual(['input', 'keydown:190']));
    } finally {
      sinks.restore();
    }
    expect(sinks.used).toEqual([]);
  });

  test('uses the reply box already open and keeps what is in it after our text', async () => {
    await load({ hash: `#inbox/${ANNA}` });
    await page.gmail.reply();
    const open = onlyCompose();
    open.body.replaceChildren(Object.assign(document.createElement('div'), { textContent: '-- Rita' }));
    const compose = await host.insertReply('', 'Hello');
    expect(compose).toBe(open);
    expect(compose?.body.textContent).toBe('Hello-- Rita');
  });

  test('nothing to reply to on a list', async () => {
    await load();
    expect(await host.insertReply('x', 'y')).toBeNull();
  });

  test('null when the reply box never comes', async () => {
    await load({ hash: `#inbox/${ANNA}` }, { replyTimeoutMs: 50 });
    for (const button of document.querySelectorAll('[data-tooltip="Reply"], .ams.bkH')) button.remove();
    expect(await host.insertReply('x', 'y')).toBeNull();
  });
});

describe('onChange', () => {
  test('fires for what features care about, once per change, and stops on abort', async () => {
    await load();
    let calls = 0;
    host.onChange(() => calls++, controller.signal);
    /** The calls since the last settle: waits for the ones expected (a loaded machine flushes late), then a while for any extra. */
    const settle = async (expected: number) => {
      await rendered();
      if (expected > 0) await vi.waitFor(() => expect(calls).toBeGreaterThanOrEqual(expected), { timeout: 2000 });
      await wait(60);
      const seen = calls;
      calls = 0;
      return seen;
    };
    await go(`#inbox/${ANNA}`);
    expect(await settle(1)).toBeGreaterThanOrEqual(1);

    document.body.append(document.createElement('div'));
    expect(await settle(0)).toBe(0);

    await page.gmail.compose();
    expect(await settle(1)).toBe(1);
    click(document.querySelector('[aria-label="Discard draft"]'));
    expect(await settle(1)).toBe(1); // the compose container's scoped observer sees the removal

    page.gmail.addIncomingMessage(ANNA, { from: 'anna.schmidt@schmidt-haushalt.de', name: 'Anna Schmidt', body: 'One more question.' });
    expect(await settle(1)).toBe(1);

    controller.abort();
    await go('#inbox');
    expect(await settle(0)).toBe(0);
    expect(host.flushDurations().length).toBeGreaterThan(0);
  });

  test('several subscribers: the added elements are searched once per flush, and every subscriber hears of it', async () => {
    await load();
    const heard = [vi.fn(), vi.fn(), vi.fn()];
    for (const callback of heard) host.onChange(callback, controller.signal);
    const matches = vi.spyOn(Element.prototype, 'matches');
    const searched = () => matches.mock.contexts.filter((_, index) => String(matches.mock.calls[index]![0]).includes('div[data-message-id]'));
    await go(`#inbox/${ANNA}`);
    // The route change alone notifies everyone; wait for the flush that brings the thread's elements too.
    await vi.waitFor(() => {
      expect(heard.every((callback) => callback.mock.calls.length > 0)).toBe(true);
      expect(searched().length).toBeGreaterThan(0);
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const elements = searched();
    matches.mockRestore();
    expect(new Set(elements).size).toBe(elements.length);
  });

  test('several subscribers share one body observer', async () => {
    await load();
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    host.onChange(() => undefined, controller.signal);
    host.onChange(() => undefined, controller.signal);
    expect(observe.mock.calls.filter(([target]) => target === document.body)).toHaveLength(1);
    observe.mockRestore();
  });
});

test.each([
  ['Tue, Nov 10, 2026, 9:14\u202fAM', new Date(2026, 10, 10, 9, 14)],
  ['Tue, Nov 10, 2026, 9:14 PM', new Date(2026, 10, 10, 21, 14)],
  ['Thu, Dec 3, 2026, 12:05 AM', new Date(2026, 11, 3, 0, 5)],
  ['Tue, 10 Nov 2026, 21:14', new Date(2026, 10, 10, 21, 14)],
  ['Tue, 10 Nov 2026 at 21:14', new Date(2026, 10, 10, 21, 14)],
  ['2026年11月10日 下午9:14', new Date(2026, 10, 10, 21, 14)],
  ['2026年11月10日周二 09:14', new Date(2026, 10, 10, 9, 14)],
  ['', null],
  ['yesterday', null],
])('parseGmailDate(%j)', (title, expected) => {
  expect(parseGmailDate(title)).toBe(expected === null ? null : expected.getTime());
});

/** Makes every HTML-string sink throw and records its use (Gmail enforces Trusted Types). */
function forbidHtmlSinks() {
  const used: string[] = [];
  const restores: Array<() => void> = [];
  const trap = (proto: object, name: string, kind: 'set' | 'value') => {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    if (!descriptor) return;
    const fail = () => {
      used.push(name);
      throw new Error(`${name} is an HTML sink`);
    };
    Object.defineProperty(proto, name, kind === 'set' ? { ...descriptor, set: fail } : { ...descriptor, value: fail });
    restores.push(() => Object.defineProperty(proto, name, descriptor));
  };
  for (const proto of [Element.prototype, HTMLElement.prototype, ShadowRoot.prototype]) {
    trap(proto, 'innerHTML', 'set');
    trap(proto, 'outerHTML', 'set');
    trap(proto, 'insertAdjacentHTML', 'value');
    trap(proto, 'setHTMLUnsafe', 'value');
  }
  trap(Document.prototype, 'write', 'value');
  trap(DOMParser.prototype, 'parseFromString', 'value');
  trap(Range.prototype, 'createContextualFragment', 'value');
  return { used, restore: () => restores.forEach((restore) => restore()) };
}
