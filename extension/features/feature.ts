// What a feature gets and how it is started. A feature is one user-visible behaviour in one file;
// it programs against the Host, talks to the background through `ask`, and stops when `signal`
// aborts. One feature's failure is logged once with its name and never stops the others.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Host, SelfCheck } from '../hosts/host.ts';
import type { ask } from '../messaging.ts';
import type { PublicSettings } from '../settings.ts';

export interface FeatureContext {
  host: Host;
  signal: AbortSignal;
  /** WXT's content-script context (shadow-root UIs are created through it). */
  script: ContentScriptContext;
  ask: typeof ask;
  /** The background's settings, kept current in place while the tab is open (live-settings.ts). */
  settings: PublicSettings;
  /** Fires 'change' after `settings` took new values. */
  settingsUpdates: EventTarget;
  health: SelfCheck;
}

export interface Feature {
  name: string;
  /** Features that read the webmail's DOM stay off when its core anchors are missing. */
  needsAnchors: boolean;
  start(context: FeatureContext): void | Promise<void>;
}

export async function startFeatures(features: readonly Feature[], context: FeatureContext): Promise<string[]> {
  const failed: string[] = [];
  for (const feature of features) {
    if (feature.needsAnchors && !context.health.ok) continue;
    try {
      await feature.start(context);
    } catch (error) {
      failed.push(feature.name);
      console.error(`tidewise: feature "${feature.name}" failed to start`, error);
    }
  }
  return failed;
}
