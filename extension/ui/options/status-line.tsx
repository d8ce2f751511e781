// The one line under a section's buttons that says what just happened. It holds a dictionary key,
// not words, so switching the language re-words it too. Screen readers hear it (role=status); the
// e2e tests read `data-state` and `data-kind` rather than the words.
import type { OptionsKey, OptionsT } from '../../i18n/options.ts';

export type Message = { key: OptionsKey; params?: Record<string, string | number> };

export function msg(key: OptionsKey, params?: Record<string, string | number>): Message {
  return params ? { key, params } : { key };
}

export type Status =
  | { state: 'idle' }
  | { state: 'busy'; text: Message }
  | { state: 'ok'; text: Message }
  | { state: 'error'; text: Message; kind?: string; detail?: string };

export const IDLE: Status = { state: 'idle' };

export function StatusLine({ status, testId, t }: { status: Status; testId: string; t: OptionsT }) {
  return (
    <p
      id={testId}
      class={`opt-status opt-status-${status.state}`}
      role="status"
      data-testid={testId}
      data-state={status.state}
      data-kind={status.state === 'error' ? status.kind : undefined}
      // The background's own words are English and technical: a tooltip, never the message itself.
      title={status.state === 'error' ? status.detail : undefined}
    >
      {status.state === 'idle' ? '' : t(status.text.key, status.text.params)}
    </p>
  );
}

/** The message of something thrown, for a tooltip. */
export function detailOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
