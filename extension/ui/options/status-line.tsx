// The one line under a section's buttons that says what just happened. Screen readers hear it
// (role=status); the e2e tests read `data-state` rather than the words, which change by language.
export type Status =
  | { state: 'idle' }
  | { state: 'busy'; text: string }
  | { state: 'ok'; text: string }
  | { state: 'error'; text: string; kind?: string; detail?: string };

export const IDLE: Status = { state: 'idle' };

export function StatusLine({ status, testId }: { status: Status; testId: string }) {
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
      {status.state === 'idle' ? '' : status.text}
    </p>
  );
}

/** The message of something thrown, for a tooltip. */
export function detailOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
