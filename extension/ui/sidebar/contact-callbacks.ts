// What the sidebar hands back to its caller. Every callback gets the contact's address first and
// may return a promise: the pressed button shows that it is working until the promise settles,
// and the card shows the error when it rejects.
import type { Intent } from '../../../shared/schema.ts';

export type Tier = 'A' | 'B' | 'C';
export type Stars = 0 | 1 | 2 | 3;
export type OrderInput = { kind: 'sample' } | { kind: 'order'; amount?: number; currency?: string };
type Done = Promise<unknown> | void;

export interface ContactCallbacks {
  /** Subject and body filled in; unfilled placeholders stay as [[name?]] for the rep to replace. */
  onInsertTemplate: (email: string, mail: { subject: string; body: string }) => Done;
  /** `amount` (> 0) always comes with `currency` (three upper-case letters). */
  onLogOrder: (email: string, order: OrderInput) => Done;
  onSetIntent: (email: string, intent: Intent) => Done;
  /** `until`: epoch ms, later than now (a preset from now, or the start of the picked local day). */
  onSnooze: (email: string, until: number) => Done;
  onArchive: (email: string) => Done;
  onUnarchive: (email: string) => Done;
  /** null clears the tier (pressing the current tier again). */
  onSetTier: (email: string, tier: Tier | null) => Done;
  onSetStars: (email: string, stars: Stars) => Done;
  /** The whole new list of tags (trimmed, 1-40 characters, at most 50, no case-insensitive duplicates). */
  onSetTags: (email: string, tags: string[]) => Done;
  /** Trimmed, 1-4000 characters. */
  onAddNote: (email: string, text: string) => Done;
}
