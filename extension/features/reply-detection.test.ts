// Reply detection in both webmails: the real feature on the real host over the fixture page, with
// only the background stood in. The background knows one tracked mail to the buyer; what is checked
// is which reply events the feature records, and that a reply seen again keeps its id.
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ClientEvent, Provider } from '../../shared/schema.ts';
import { replyDetection, SETTLED_MS } from './reply-detection.ts';
import { fakeBackground, settingsWith, startFeature, UUID, wait, WEBMAILS, type Background, type ThreadOf, type Webmail } from './webmail-fixture.ts';

/** The tracked mail to the buyer went out after every message in the fixtures' mailboxes. */
const SENT_AT = Date.parse('2026-11-25T09:00:00Z');
const REPLY_AT = '2026-11-26T10:30:00Z';

describe.each(WEBMAILS)('$provider', (driver) => {
  let mail: Webmail;
  let background: Background;
  let script: ContentScriptContext | null = null;
  let buyer: ThreadOf;

  async function load() {
    mail = await driver.load();
    background = fakeBackground();
    buyer = mail.threads.carlos;
    background.known.push(sentTo(buyer.buyer, SENT_AT, driver.provider));
  }
  async function start() {
    script = await startFeature(replyDetection, mail, background, settingsWith(background.account));
  }
  const replies = () => background.recorded.flat().filter((event) => event.type === 'reply');
  /** Scans so far: each one with a candidate not yet settled asks the background about its senders. */
  const scans = () => background.asked.get('tracked-contacts') ?? 0;
  async function scanned(after: number) {
    await vi.waitFor(() => expect(scans()).toBeGreaterThan(after));
    await wait(0);
  }

  afterEach(() => {
    script?.abort();
    script = null;
    mail?.close();
  });

  test('a buyer\'s message in the open thread after a tracked send becomes one reply event; seen again, it keeps its id', async () => {
    await load();
    await mail.openThread(buyer);
    await start();
    await scanned(0);
    // The buyer's earlier message (before the tracked send) is no reply.
    expect(replies()).toEqual([]);

    const messageId = await mail.incoming(buyer, { from: buyer.buyer, at: REPLY_AT, body: 'Hi Rita, yes please reserve the slots for January.' });
    await vi.waitFor(() => expect(replies().length).toBeGreaterThan(0));
    const [reply] = replies().filter((event) => event.providerMessageId === messageId);
    expect(reply).toEqual({
      id: expect.stringMatching(UUID),
      type: 'reply',
      at: Date.parse(REPLY_AT),
      contact: buyer.buyer,
      providerMessageId: messageId,
      threadKey: buyer.threadKey,
      provider: driver.provider,
    });
    // Wherever else the page shows it (Outlook's list beside the thread), it is the same reply.
    expect(new Set(replies().map((event) => event.id))).toEqual(new Set([reply!.id]));

    // Seen again on the same page: not recorded again (and not even asked about again).
    await mail.openThread(mail.threads.anna);
    await wait(60);
    await mail.openThread(buyer);
    await wait(60);
    expect(replies().filter((event) => event.providerMessageId === messageId)).toHaveLength(1);

    // After a reload the feature meets it again: the same id, so the background keeps one reply.
    await start();
    await vi.waitFor(() => expect(replies().filter((event) => event.providerMessageId === messageId)).toHaveLength(2));
    expect(new Set(replies().map((event) => event.id))).toEqual(new Set([reply!.id]));
  });

  test('a message from someone the rep never sent tracked mail to is no reply', async () => {
    await load();
    await mail.openThread(buyer);
    await start();
    await scanned(0);
    const before = scans();
    await mail.incoming(buyer, { from: 'colleague@lopez-importaciones.mx', at: REPLY_AT, body: 'Adding my colleague to this thread.' });
    await scanned(before);
    await wait(20);
    expect(background.recorded).toEqual([]);
  });

  test.each([
    ['an out-of-office notice', { autoReply: true }],
    ['a delivery failure', { body: 'This message could not be delivered: the recipient\'s mailbox is full.' }],
  ])('%s from the buyer is not a reply; the buyer\'s real answer after it is', async (_, answer) => {
    await load();
    await mail.openThread(buyer);
    await start();
    await scanned(0);
    const automatic = await mail.incoming(buyer, { from: buyer.buyer, at: REPLY_AT, ...answer });
    const real = await mail.incoming(buyer, { from: buyer.buyer, at: '2026-11-27T08:15:00Z', body: 'Back in the office: please send the proforma invoice.' });
    await vi.waitFor(() => expect(replies().map((event) => event.providerMessageId)).toContain(real));
    expect(replies().map((event) => event.providerMessageId)).not.toContain(automatic);
    expect(new Set(replies().map((event) => event.at))).toEqual(new Set([Date.parse('2026-11-27T08:15:00Z')]));
  });

  test('an inbox-list row with a preview counts too, as the same reply the thread shows', async () => {
    await load();
    await start();
    await scanned(0);
    await mail.incoming(buyer, { from: buyer.buyer, at: REPLY_AT, body: 'Hi Rita, the samples arrived in good order.' });
    await vi.waitFor(() => expect(replies()).toHaveLength(1));
    const [fromList] = replies();
    expect(fromList).toEqual({
      id: expect.stringMatching(UUID),
      type: 'reply',
      at: Date.parse(REPLY_AT),
      contact: buyer.buyer,
      providerMessageId: `thread:${buyer.threadKey}@${Date.parse(REPLY_AT)}`,
      threadKey: buyer.threadKey,
      provider: driver.provider,
    });

    await mail.openThread(buyer);
    await vi.waitFor(() => expect(replies().length).toBeGreaterThan(1));
    expect(new Set(replies().map((event) => event.id))).toEqual(new Set([fromList!.id]));
  });

  test('an out-of-office notice in the inbox list is not a reply', async () => {
    await load();
    await start();
    await scanned(0);
    const before = scans();
    await mail.incoming(buyer, { from: buyer.buyer, at: REPLY_AT, autoReply: true });
    await scanned(before);
    await wait(20);
    expect(background.recorded).toEqual([]);
  });

  test('a reply drawn while an earlier look still waits for the background is recorded', async () => {
    await load();
    await mail.openThread(buyer);
    background.delayMs = 80;
    await start();
    // The first look (the buyer's earlier message) is now waiting for the background.
    const messageId = await mail.incoming(buyer, { from: buyer.buyer, at: REPLY_AT, body: 'Hi Rita, confirmed.' });
    await vi.waitFor(() => expect(replies().map((event) => event.providerMessageId)).toContain(messageId), { timeout: 2000 });
  });

  test('page changes that show nothing new do not ask the background again; a new message does', async () => {
    await load();
    await mail.openThread(buyer);
    await start();
    await scanned(0);
    // Every view, each given time to be scanned: their messages are asked about and judged (none is a reply).
    const views = [() => mail.openThread(mail.threads.anna), () => mail.showInbox(), () => mail.openThread(buyer)];
    const visit = async () => {
      for (const view of views) {
        await view();
        await wait(120);
      }
    };
    // Twice, so that a view a loaded machine flushed late is judged before counting starts.
    await visit();
    await visit();
    const before = scans();
    for (let round = 0; round < 2; round++) await visit();
    expect(scans()).toBe(before);
    expect(replies()).toEqual([]);

    const messageId = await mail.incoming(buyer, { from: buyer.buyer, at: REPLY_AT, body: 'Yes, please reserve the slots.' });
    await vi.waitFor(() => expect(replies().map((event) => event.providerMessageId)).toContain(messageId));
    expect(scans()).toBeGreaterThan(before);
  });

  test(`a message judged no reply is asked about again after ${SETTLED_MS / 1000} s: a tracked mail synced from another computer makes it one`, async () => {
    await load();
    background.known.length = 0; // no tracked mail to the buyer on this computer yet
    await mail.openThread(buyer);
    await start();
    await scanned(0);
    const seeBoth = async () => {
      for (const view of [() => mail.showInbox(), () => mail.openThread(buyer)]) {
        await view();
        await wait(120);
      }
    };
    // The buyer's message, in the list and in the thread, judged no reply (twice, for a late flush).
    await seeBoth();
    await seeBoth();
    // The rep's laptop had mailed the buyer before the buyer's message; the sync brings it here.
    background.known.push(sentTo(buyer.buyer, Date.parse('2026-10-01T09:00:00Z'), driver.provider));
    await seeBoth();
    expect(replies()).toEqual([]);

    const later = Date.now() + SETTLED_MS + 1000;
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => later);
    try {
      await mail.showInbox();
      await mail.openThread(buyer);
      await vi.waitFor(() => expect(replies().map((event) => event.contact)).toContain(buyer.buyer));
    } finally {
      clock.mockRestore();
    }
  });
});

function sentTo(contact: string, at: number, provider: Provider): ClientEvent {
  return {
    id: '0b7f2d7e-5a41-4c8e-9d3f-1a2b3c4d5e6f',
    type: 'sent',
    at,
    messageId: 'rEr4ZSxF5Gn-IaIP4kkhmA',
    recipients: [contact],
    subject: 'Follow-up: production slots',
    threadKey: 'thread-earlier',
    provider,
  };
}
