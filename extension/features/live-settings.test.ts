// Settings changed while a webmail tab stays open reach its features: the real features on the
// real host over the fixture page, with only the background stood in (its settings-get answers what
// is saved now).
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { publicSettings, settings, type PublicSettings } from '../settings.ts';
import type { Feature, FeatureContext } from './feature.ts';
import { keepSettingsFresh } from './live-settings.ts';
import { selfView } from './self-view.ts';
import { trackSentMail } from './track-sent-mail.ts';
import { fakeBackground, featureContext, ourPixels, PREFIX, settingsWith, wait, WEBMAILS, type Background, type Webmail } from './webmail-fixture.ts';

const REFRESH_MS = 40;

describe.each(WEBMAILS)('$provider', (driver) => {
  let mail: Webmail;
  let background: Background;
  let script: ContentScriptContext | null = null;

  /** The content script's start: settings read once, kept fresh, then the features. */
  async function start(features: Feature[], saved: PublicSettings): Promise<FeatureContext> {
    mail = await driver.load();
    background = fakeBackground();
    background.settings = saved;
    const context = featureContext(mail, background, structuredClone(saved));
    script = context.script;
    keepSettingsFresh(context, document, REFRESH_MS);
    for (const feature of features) await feature.start(context);
    return context;
  }
  const sentEvents = () => background.recorded.flat().filter((event) => event.type === 'sent');

  afterEach(() => {
    script?.abort();
    script = null;
    mail?.close();
  });

  test('a domain excluded in the options while the tab is open holds for the next mail', async () => {
    const context = await start([trackSentMail], settingsWith(fakeBackground().account));
    background.settings = settingsWith(background.account, { excludedDomains: ['schmidt-haushalt.de'] });
    const compose = await mail.newMail(['anna.schmidt@schmidt-haushalt.de'], 'Catalogue 2027');
    await vi.waitFor(() => expect(context.settings.tracking.excludedDomains).toEqual(['schmidt-haushalt.de']));
    await vi.waitFor(() => expect(background.minted).toHaveLength(1));
    mail.pressSend(compose);
    await vi.waitFor(() => expect(mail.confirmations).toHaveLength(1));
    await wait(0);
    expect(ourPixels(mail.sendBodies()[0]!)).toEqual([]);
    expect(sentEvents()).toEqual([]);
  });

  test('tracking switched back on in the options: the open compose\'s toggle says so at once, and its mail is tracked', async () => {
    await start([trackSentMail], settingsWith(fakeBackground().account, { enabled: false }));
    const compose = await mail.newMail(['anna.schmidt@schmidt-haushalt.de'], 'Catalogue 2027');
    const toggle = () => compose.toolbar()?.querySelector('[data-testid=track-toggle]');
    await vi.waitFor(() => expect(toggle()?.getAttribute('aria-pressed')).toBe('false'));
    background.settings = settingsWith(background.account, { enabled: true });
    // Coming back from the options tab brings this tab into view; nothing on the page changes.
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.waitFor(() => expect(toggle()?.getAttribute('aria-pressed')).toBe('true'));
    expect(toggle()?.textContent).toBe('● Tracked');
    await vi.waitFor(() => expect(background.minted).toHaveLength(1));
    mail.pressSend(compose);
    await vi.waitFor(() => expect(sentEvents()).toHaveLength(1));
    expect(ourPixels(mail.sendBodies()[0]!)).toEqual([background.minted[0]!.url]);
  });

  test('the language switched in the options: the open compose\'s toggle speaks it', async () => {
    await start([trackSentMail], settingsWith(fakeBackground().account));
    const compose = await mail.newMail(['anna.schmidt@schmidt-haushalt.de'], 'Catalogue 2027');
    const toggle = () => compose.toolbar()?.querySelector('[data-testid=track-toggle]');
    await vi.waitFor(() => expect(toggle()?.textContent).toBe('● Tracked'));
    background.settings = { ...settingsWith(background.account), language: 'zh' };
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.waitFor(() => expect(toggle()?.textContent).toBe('● 跟踪已开'));
    expect(toggle()?.getAttribute('aria-pressed')).toBe('true');
  });

  test('a tab opened before the first connection starts guarding the rep\'s own views once the account is known', async () => {
    const notConnected = publicSettings(settings.parse({}));
    const context = await start([selfView], notConnected);
    background.settings = settingsWith(background.account);
    // Coming back from the options page to the tab reads the settings at once, with no page change.
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.waitFor(() => expect(context.settings.account?.pixelPrefix).toBe(PREFIX));
    await mail.openThread(mail.threads.ownTracked!);
    expect(mail.host.renderedPixels(PREFIX).length).toBeGreaterThan(0);
    await vi.waitFor(() => expect(background.asked.get('block-proxied-pixel')).toBeGreaterThan(0));
  });

  test('many page changes ask for the settings a few times, not once per change; none is missed', async () => {
    const context = await start([], settingsWith(fakeBackground().account));
    for (let i = 0; i < 6; i++) {
      await mail.openThread(i % 2 === 0 ? mail.threads.anna : mail.threads.carlos);
      await mail.showInbox();
    }
    // The last change came within the refresh period: it is read after it, not dropped.
    background.settings = settingsWith(background.account, { disclosure: 'Read receipts are on.' });
    await mail.openThread(mail.threads.anna);
    await vi.waitFor(() => expect(context.settings.tracking.disclosure).toBe('Read receipts are on.'));
    expect(background.asked.get('settings-get')).toBeLessThan(12);
  });

  test('the background unreachable: the settings stay as they were', async () => {
    const saved = settingsWith(fakeBackground().account, { excludedDomains: ['schmidt-haushalt.de'] });
    const context = await start([], saved);
    background.settings = null; // settings-get now fails
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.waitFor(() => expect(warn).toHaveBeenCalled());
    expect(context.settings).toEqual(saved);
    warn.mockRestore();
  });
});
