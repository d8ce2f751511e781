// Tracked sending in both webmails: the real feature on the real host over the fixture page, with
// only the background stood in. What is checked is what leaves: the body the webmail's own send
// request carried, and the events the feature recorded once the webmail confirmed the send.
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Compose } from '../hosts/host.ts';
import type { PublicSettings } from '../settings.ts';
import { startFeatures } from './feature.ts';
import { trackSentMail } from './track-sent-mail.ts';
import {
  fakeBackground, featureContext, OLD_PIXEL, OTHER_ACCOUNT_PIXEL, ourPixels, settingsWith, startFeature, UUID, wait, WEBMAILS,
  type Background, type Webmail,
} from './webmail-fixture.ts';

const DISCLOSURE = 'This message uses read receipts.';
/** The rep's earlier tracked mail in the fixtures' tracked thread. */
const OWN_TRACKED_PIXEL = 'https://track.tidewise-demo.com/p/tw84tAtqmZBOChhg/AarNsc6KiloE6UZU9A2QCMAbTi0obRE3fK6LaT7Jr-3O.gif';

describe.each(WEBMAILS)('$provider', (driver) => {
  let mail: Webmail;
  let background: Background;
  let script: ContentScriptContext | null = null;

  async function start(tracking: Partial<PublicSettings['tracking']> = {}, options: { undoMs?: number } = {}) {
    mail = await driver.load(options);
    background = fakeBackground();
    script = await startFeature(trackSentMail, mail, background, settingsWith(background.account, tracking));
  }
  /** The compose is ready to send tracked: its toggle is drawn and its pixel minted ahead. */
  async function ready(compose: Compose, pixels = 1) {
    await vi.waitFor(() => {
      expect(compose.toolbar()?.querySelector('[data-testid=track-toggle]')).not.toBeNull();
      expect(background.minted).toHaveLength(pixels);
    });
    await wait(0);
    return compose;
  }
  /** The webmail confirmed the send (so the feature heard it too); what did the feature record? */
  async function confirmed(count = 1) {
    await vi.waitFor(() => expect(mail.confirmations).toHaveLength(count));
    await wait(0);
    return background.recorded.flat();
  }
  const sentEvents = () => background.recorded.flat().filter((event) => event.type === 'sent');

  afterEach(() => {
    script?.abort();
    script = null;
    mail?.close();
  });

  test('a new mail goes out with one fresh pixel (and the disclosure); once confirmed, one sent event', async () => {
    await start({ disclosure: DISCLOSURE });
    const compose = await ready(await mail.newMail(['anna.schmidt@schmidt-haushalt.de', 'carlos.buyer@lopez-importaciones.mx', mail.rep], 'Catalogue 2027', 'Dear Anna,'));
    expect(compose.toolbar()?.querySelector('[data-testid=track-toggle]')?.getAttribute('aria-pressed')).toBe('true');
    const before = Date.now();
    mail.pressSend(compose);
    const events = await confirmed();
    const [pixel] = background.minted;
    const [body] = mail.sendBodies();
    expect(mail.sendBodies()).toHaveLength(1);
    expect(ourPixels(body!)).toEqual([pixel!.url]);
    expect(body).toContain(DISCLOSURE);
    expect(events).toEqual([{
      id: expect.stringMatching(UUID),
      type: 'sent',
      at: expect.any(Number),
      messageId: pixel!.messageId,
      // Every recipient but the rep himself.
      recipients: ['anna.schmidt@schmidt-haushalt.de', 'carlos.buyer@lopez-importaciones.mx'],
      subject: 'Catalogue 2027',
      threadKey: mail.newMailThreadKey(body!, pixel!.messageId),
      provider: driver.provider,
    }]);
    expect(events[0]!.at).toBeGreaterThanOrEqual(before);
    expect(events[0]!.at).toBeLessThanOrEqual(Date.now());
  });

  test('a reply is recorded in its thread, to the buyer, with the reply subject', async () => {
    await start();
    const { anna } = mail.threads;
    await mail.openThread(anna);
    const compose = await ready(await mail.reply());
    mail.pressSend(compose);
    const events = await confirmed();
    const [pixel] = background.minted;
    expect(ourPixels(mail.sendBodies()[0]!)).toEqual([pixel!.url]);
    expect(events).toEqual([expect.objectContaining({ type: 'sent', messageId: pixel!.messageId, recipients: [anna.buyer], subject: anna.subject, threadKey: anna.threadKey, provider: driver.provider })]);
  });

  test('the Track toggle turned off: no pixel goes out and nothing is recorded', async () => {
    await start({ disclosure: DISCLOSURE });
    const compose = await ready(await mail.newMail(['anna.schmidt@schmidt-haushalt.de'], 'Personal note'));
    const toggle = compose.toolbar()!.querySelector('[data-testid=track-toggle]')!;
    toggle.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    mail.pressSend(compose);
    expect(await confirmed()).toEqual([]);
    expect(ourPixels(mail.sendBodies()[0]!)).toEqual([]);
    expect(mail.sendBodies()[0]).not.toContain(DISCLOSURE);
  });

  test('mail only to the rep himself is not tracked', async () => {
    await start();
    const compose = await ready(await mail.newMail([mail.rep], 'Note to self'));
    mail.pressSend(compose);
    expect(await confirmed()).toEqual([]);
    expect(ourPixels(mail.sendBodies()[0]!)).toEqual([]);
  });

  test('mail to anyone in an excluded domain is not tracked, even with other recipients; mail to none of them is', async () => {
    await start({ excludedDomains: ['schmidt-haushalt.de', '*.lopez-importaciones.mx'] });
    const internal = await ready(await mail.newMail(['anna.schmidt@schmidt-haushalt.de', 'ops@eu.lopez-importaciones.mx', mail.rep], 'Excluded only'));
    mail.pressSend(internal);
    expect(await confirmed()).toEqual([]);
    expect(ourPixels(mail.sendBodies()[0]!)).toEqual([]);

    const mixed = await ready(await mail.newMail(['anna.schmidt@schmidt-haushalt.de', 'buyer@nordic-living.se'], 'Mixed'), 2);
    mail.pressSend(mixed);
    expect(await confirmed(2)).toEqual([]);
    expect(ourPixels(mail.sendBodies()[1]!)).toEqual([]);

    const outside = await ready(await mail.newMail(['buyer@nordic-living.se', 'carlos@lopez-importaciones.mx'], 'Outside'), 3);
    mail.pressSend(outside);
    await confirmed(3);
    expect(ourPixels(mail.sendBodies()[2]!)).toEqual([background.minted[2]!.url]);
    expect(sentEvents().map((event) => [event.subject, event.messageId])).toEqual([['Outside', background.minted[2]!.messageId]]);
  });

  test('tracking turned off in the settings: the toggle says so, no pixel goes out, nothing is recorded', async () => {
    await start({ enabled: false, disclosure: DISCLOSURE });
    const compose = await ready(await mail.newMail(['anna.schmidt@schmidt-haushalt.de'], 'Catalogue 2027'));
    expect(compose.toolbar()?.querySelector('[data-testid=track-toggle]')?.getAttribute('aria-pressed')).toBe('false');
    mail.pressSend(compose);
    expect(await confirmed()).toEqual([]);
    expect(ourPixels(mail.sendBodies()[0]!)).toEqual([]);
    expect(mail.sendBodies()[0]).not.toContain(DISCLOSURE);
  });

  test.each<readonly [string, string]>([
    ['loaded directly', OLD_PIXEL],
    ...driver.proxyForms.map(([how, proxied]) => [how, proxied(OLD_PIXEL)] as const),
  ])('an older pixel of ours in quoted text (%s) is taken out at send; another account\'s stays', async (_, src) => {
    await start();
    await mail.openThread(mail.threads.anna);
    const compose = await ready(await mail.reply());
    const quote = document.createElement('blockquote');
    quote.append(Object.assign(document.createElement('div'), { textContent: 'Earlier: our quotation.' }));
    for (const url of [src, OTHER_ACCOUNT_PIXEL]) {
      const img = document.createElement('img');
      img.setAttribute('src', url);
      quote.append(img);
    }
    compose.body.append(quote);
    mail.pressSend(compose);
    await confirmed();
    const body = mail.sendBodies()[0]!;
    expect(ourPixels(body)).toEqual([background.minted[0]!.url]);
    expect(body).toContain(OTHER_ACCOUNT_PIXEL);
    expect(body).toContain('Earlier: our quotation.');
  });

  test('a quoted image whose proxy fragment is not valid percent-encoding does not stop tracking', async () => {
    await start();
    await mail.openThread(mail.threads.anna);
    const compose = await ready(await mail.reply());
    compose.body.append(Object.assign(document.createElement('img'), { src: 'https://ci3.googleusercontent.com/meips/x#https://shop.example/100%-cotton.png' }));
    mail.pressSend(compose);
    await confirmed();
    expect(ourPixels(mail.sendBodies()[0]!)).toEqual([background.minted[0]!.url]);
    expect(sentEvents()).toHaveLength(1);
  });

  test('an older pixel of ours in quoted text is taken out even when this mail goes out untracked', async () => {
    await start({ enabled: false });
    await mail.openThread(mail.threads.anna);
    const compose = await ready(await mail.reply());
    compose.body.append(Object.assign(document.createElement('img'), { src: OLD_PIXEL }));
    mail.pressSend(compose);
    expect(await confirmed()).toEqual([]);
    expect(ourPixels(mail.sendBodies()[0]!)).toEqual([]);
  });

  // Known gap, Gmail only: Gmail sends a reply's quoted text as its own part of the send request
  // (the fixture's reply-request.json), added after the editor is read, so the earlier mail's pixel
  // leaves with the reply and a client that shows the quote fetches it again. The feature only
  // reaches the editor; taking it out of the request would mean changing Gmail's request.
  if (driver.quotesAtSend) test.fails('a reply quoting our earlier tracked mail carries only the new pixel', async () => {
    await start();
    await mail.openThread(mail.threads.ownTracked!);
    const compose = await ready(await mail.reply());
    mail.pressSend(compose);
    await confirmed();
    const body = mail.sendBodies()[0]!;
    expect(sentEvents().map((event) => event.messageId)).toEqual([background.minted[0]!.messageId]);
    expect(ourPixels(body)).toContain(background.minted[0]!.url);
    // Fails here: the quoted part still carries the earlier mail's pixel.
    expect(ourPixels(body)).toEqual([background.minted[0]!.url]);
  });

  // Outlook quotes the message a reply answers inside the editor, images behind /actions/ei.
  if (!driver.quotesAtSend) test('a reply quoting a buyer\'s mail that carries our earlier pixel: the quote goes out, only the new pixel with it', async () => {
    await start();
    await mail.openThread(mail.threads.ownTracked!);
    const compose = await ready(await mail.reply());
    const quoted = compose.body.innerHTML;
    expect(quoted).toContain('we will test them next week');
    expect([...new Set(ourPixels(quoted))]).toEqual([OWN_TRACKED_PIXEL]);
    mail.pressSend(compose);
    await confirmed();
    const body = mail.sendBodies()[0]!;
    expect(body).toContain('we will test them next week');
    expect(ourPixels(body)).toEqual([background.minted[0]!.url]);
    expect(sentEvents().map((event) => [event.messageId, event.recipients])).toEqual([[background.minted[0]!.messageId, ['m.rossi@casa-rossi.it']]]);
  });

  test('a send request that fails is never confirmed: nothing is recorded', async () => {
    await start();
    mail.failSends();
    const compose = await ready(await mail.newMail(['anna.schmidt@schmidt-haushalt.de'], 'Catalogue 2027'));
    mail.pressSend(compose);
    await vi.waitFor(() => expect(mail.sendBodies()).toHaveLength(1));
    // The pixel was in the request, but the webmail's server refused it.
    expect(ourPixels(mail.sendBodies()[0]!)).toEqual([background.minted[0]!.url]);
    await wait(100);
    expect(mail.confirmations).toEqual([]);
    expect(background.recorded).toEqual([]);
  });

  if (driver.schedulesSends) test('Schedule send goes out with one fresh pixel; once the webmail saves it as scheduled, one sent event', async () => {
    await start({ disclosure: DISCLOSURE });
    const compose = await ready(await mail.newMail(['anna.schmidt@schmidt-haushalt.de'], 'Catalogue 2027', 'Dear Anna,'));
    mail.scheduleSend!(compose);
    const events = await confirmed();
    const body = mail.sendBodies()[0]!;
    expect(body).toContain('^scheduled');
    expect(ourPixels(body)).toEqual([background.minted[0]!.url]);
    expect(body.split(DISCLOSURE)).toHaveLength(2);
    expect(events).toHaveLength(1);
    expect(sentEvents().map((event) => [event.messageId, event.recipients, event.subject])).toEqual([[background.minted[0]!.messageId, ['anna.schmidt@schmidt-haushalt.de'], 'Catalogue 2027']]);
    expect(sentEvents()[0]!.at).toBeLessThanOrEqual(Date.now());
  });

  if (driver.schedulesSends) test('Schedule send cancelled, then Send at once: the mail keeps the pixel it got, one sent event', async () => {
    await start({ disclosure: DISCLOSURE });
    const compose = await ready(await mail.newMail(['anna.schmidt@schmidt-haushalt.de'], 'Catalogue 2027', 'Dear Anna,'));
    mail.scheduleSend!(compose, 'cancel');
    await wait(300); // a person's pace: later presses of one compose are new presses
    // No fresh pixel was minted meanwhile (nothing in the compose changed for the page watcher).
    expect(background.minted).toHaveLength(1);
    mail.pressSend(compose);
    await confirmed();
    const body = mail.sendBodies()[0]!;
    expect(ourPixels(body)).toEqual([background.minted[0]!.url]);
    expect(body.split(DISCLOSURE)).toHaveLength(2);
    expect(sentEvents().map((event) => event.messageId)).toEqual([background.minted[0]!.messageId]);
  });

  if (driver.popsOut) test('a compose popped out into its own page goes out tracked: that page passes the self-check that gates the feature', async () => {
    mail = await driver.load({ popout: { to: 'anna.schmidt@schmidt-haushalt.de', subject: 'Catalogue 2027', body: 'Dear Anna,' } });
    background = fakeBackground();
    const health = mail.host.selfCheck();
    expect(health).toEqual({ ok: true, missing: [] });
    // As the content script starts them: features that read the page only when its anchors are there.
    const context = featureContext(mail, background, settingsWith(background.account), health);
    script = context.script;
    await startFeatures([trackSentMail], context);
    const compose = await ready(mail.host.composes()[0]!);
    mail.pressSend(compose);
    await confirmed();
    expect(ourPixels(mail.sendBodies()[0]!)).toEqual([background.minted[0]!.url]);
    expect(sentEvents().map((event) => [event.subject, event.recipients])).toEqual([['Catalogue 2027', ['anna.schmidt@schmidt-haushalt.de']]]);
  });

  // Only webmails that hold a send for an undo window (Gmail's fixture) have these.
  if (driver.holdsSends) test('Undo within the undo window sends and records nothing; Send again goes out with one fresh pixel, recorded once', async () => {
    await start({}, { undoMs: 150 });
    const compose = await ready(await mail.newMail(['anna.schmidt@schmidt-haushalt.de'], 'Catalogue 2027'));
    mail.pressSend(compose);
    mail.undo!();
    await wait(250);
    expect(mail.sendBodies()).toEqual([]);
    expect(background.recorded).toEqual([]);

    const again = await ready(mail.host.composes()[0]!, 2);
    mail.pressSend(again);
    const events = await confirmed();
    expect(ourPixels(mail.sendBodies()[0]!)).toEqual([background.minted[1]!.url]);
    expect(events).toHaveLength(1);
    expect(sentEvents().map((event) => event.messageId)).toEqual([background.minted[1]!.messageId]);
  });

  if (driver.holdsSends) test('the disclosure goes out once, also after Undo and Send again', async () => {
    await start({ disclosure: DISCLOSURE }, { undoMs: 150 });
    const compose = await ready(await mail.newMail(['anna.schmidt@schmidt-haushalt.de'], 'Catalogue 2027'));
    mail.pressSend(compose);
    mail.undo!();
    // A person's Send, Undo and Send again (quicker presses are one press to the host).
    await wait(300);
    const again = await ready(mail.host.composes()[0]!, 2);
    mail.pressSend(again);
    await confirmed();
    expect(ourPixels(mail.sendBodies()[0]!)).toEqual([background.minted[1]!.url]);
    expect(mail.sendBodies()[0]!.split(DISCLOSURE)).toHaveLength(2);
  });
});
