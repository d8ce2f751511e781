// A webmail tab stays open for days; the rep changes the settings in the options page meanwhile.
// The features' settings follow: a domain excluded from tracking holds for the next mail, and a tab
// opened before the first connection learns the account (its pixel prefix, which the self-view
// guard needs). The settings are asked for again when the page changes (opening a compose is a
// change), at most once per `refreshMs` but never skipped, and at once when the tab comes back into
// view; they are replaced in place in the context every feature reads, and features that show them
// hear 'change' on context.settingsUpdates.
import type { FeatureContext } from './feature.ts';

const REFRESH_MS = 2000;

export function keepSettingsFresh(context: FeatureContext, doc: Document = document, refreshMs = REFRESH_MS): void {
  const { signal } = context;
  let last = Date.now(); // the context's settings were just read
  let timer: ReturnType<typeof setTimeout> | null = null;
  let asking = false;
  let again = false;

  const read = () => {
    timer = null;
    if (signal.aborted) return;
    if (asking) {
      again = true; // what changed during a read is read after it
      return;
    }
    asking = true;
    last = Date.now();
    context
      .ask({ type: 'settings-get' })
      .then((fresh) => {
        if (signal.aborted || JSON.stringify(fresh) === JSON.stringify(context.settings)) return;
        Object.assign(context.settings, fresh);
        context.settingsUpdates.dispatchEvent(new Event('change'));
      })
      // The background restarting or the extension being updated: keep the settings we have.
      .catch((error: unknown) => console.warn('tidewise: settings not refreshed', error))
      .finally(() => {
        asking = false;
        if (again) {
          again = false;
          schedule();
        }
      });
  };
  const schedule = () => {
    if (timer !== null || signal.aborted) return;
    timer = setTimeout(read, Math.max(0, last + refreshMs - Date.now()));
  };
  const now = () => {
    if (timer !== null) clearTimeout(timer);
    read();
  };

  context.host.onChange(schedule, signal);
  doc.addEventListener('visibilitychange', () => {
    if (doc.visibilityState === 'visible') now();
  }, { signal });
  signal.addEventListener('abort', () => {
    if (timer !== null) clearTimeout(timer);
  });
}
