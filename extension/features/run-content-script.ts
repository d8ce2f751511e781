// What every webmail content script does: read the settings, give the webmail time to draw its
// shell, check the anchors the features rely on, then start the features.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { FEATURES } from '../features.ts';
import type { Host, SelfCheck } from '../hosts/host.ts';
import { ask } from '../messaging.ts';
import { startFeatures } from './feature.ts';
import { keepSettingsFresh } from './live-settings.ts';

const SHELL_WAIT_MS = 15_000;

export async function runContentScript(host: Host, script: ContentScriptContext): Promise<void> {
  const settings = await ask({ type: 'settings-get' });
  const health = await waitForShell(host, script);
  if (!health.ok) console.warn(`tidewise: ${host.provider} changed; missing ${health.missing.join(', ')}. Reading features are off.`);
  const context = { host, signal: script.signal, script, ask, settings, settingsUpdates: new EventTarget(), health };
  keepSettingsFresh(context);
  await startFeatures(FEATURES, context);
}

/** Webmails draw their shell after load; give them a while before calling anchors missing. */
async function waitForShell(host: Host, script: ContentScriptContext): Promise<SelfCheck> {
  const started = Date.now();
  for (;;) {
    const check = host.selfCheck();
    if (check.ok || Date.now() - started > SHELL_WAIT_MS || script.isInvalid) return check;
    await new Promise<void>((resolve) => script.setTimeout(() => resolve(), 200));
  }
}
