// One-click actions hand the rep's choice to a callback that may take a while (the background
// records the event, then the views come back). While it runs the pressed button says so and the
// card's other buttons wait; when it fails the card says why, and the rep can simply press again.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SidebarT } from '../../i18n/sidebar.ts';

export interface ActionRunner {
  /** The action whose callback is running, or null. */
  pending: string | null;
  error: { action: string; message: string } | null;
  /** Runs `task` unless another action is running; resolves true when it succeeded. */
  run: (action: string, task: () => unknown) => Promise<boolean>;
}

export function useActionRunner(): ActionRunner {
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<ActionRunner['error']>(null);
  // A ref as well as state: two clicks in one frame must not both start.
  const running = useRef(false);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const run = async (action: string, task: () => unknown): Promise<boolean> => {
    if (running.current) return false;
    running.current = true;
    setPending(action);
    setError(null);
    try {
      await task();
      return true;
    } catch (thrown) {
      if (mounted.current) setError({ action, message: thrown instanceof Error ? thrown.message : String(thrown) });
      return false;
    } finally {
      running.current = false;
      if (mounted.current) setPending(null);
    }
  };
  return { pending, error, run };
}

export interface ActionButtonProps {
  runner: ActionRunner;
  action: string;
  onRun: () => unknown;
  testId: string;
  children: ComponentChildren;
  /** Shown instead of the children while this action runs (small buttons keep their label). */
  pendingLabel?: string;
  pressed?: boolean;
  label?: string;
  title?: string;
  class?: string;
  /** Called after the callback succeeded. */
  onDone?: () => void;
}

export function ActionButton({ runner, action, onRun, testId, children, pendingLabel, pressed, label, title, class: extra, onDone }: ActionButtonProps) {
  const busy = runner.pending === action;
  return (
    <button
      type="button"
      class={`tw-button${extra ? ` ${extra}` : ''}${busy ? ' tw-pending' : ''}`}
      data-testid={testId}
      disabled={runner.pending !== null}
      aria-busy={busy}
      aria-pressed={pressed}
      aria-label={label}
      title={title}
      onClick={async () => {
        if (await runner.run(action, onRun)) onDone?.();
      }}
    >
      {busy && pendingLabel ? pendingLabel : children}
    </button>
  );
}

/** The failure of the last action, when `shows` says it belongs here (every action when left out). */
export function ActionError({ runner, t, shows }: { runner: ActionRunner; t: SidebarT; shows?: (action: string) => boolean }) {
  const { error } = runner;
  if (error === null || (shows !== undefined && !shows(error.action))) return null;
  return (
    <p class="tw-error" role="alert" data-testid="action-error" data-action={error.action}>
      {error.action === 'insert' ? t('actions.insertFailed') : t('actions.saveFailed')} <span lang="en">{error.message}</span>
    </p>
  );
}
