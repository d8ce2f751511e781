import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { ApiError, getMe } from '../api-client.ts';
import { BUILD_DEV_TOKEN, BUILD_WORKER_URL } from '../build-config.ts';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'connection-status') {
      return connectionStatus();
    }
    return undefined;
  });
});

async function connectionStatus() {
  const stored = await browser.storage.local.get(['workerUrl', 'token']);
  const workerUrl = typeof stored.workerUrl === 'string' ? stored.workerUrl : BUILD_WORKER_URL;
  const token = typeof stored.token === 'string' ? stored.token : BUILD_DEV_TOKEN;
  if (!token) return { ok: false, workerUrl, error: 'no API token configured yet' };
  try {
    const me = await getMe({ workerUrl, token });
    return { ok: true, workerUrl, name: me.name, pixelPrefix: me.pixelPrefix };
  } catch (error) {
    return { ok: false, workerUrl, error: error instanceof ApiError ? error.message : String(error) };
  }
}
