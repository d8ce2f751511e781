// Which of a contact's opens stored as human still count, and whether each was of a mail to several
// people. Resolution only ever turns a stored human verdict into another kind, and other opens
// never make a human one a repeat (open-verdict.ts), so only what decides human opens is judged.
import { isSharedMessage } from './contact-events.ts';
import type { ContactHistory } from './contact-history.ts';
import { resolveOpenVerdicts, staysHuman } from './open-verdict.ts';
import type { OpenEvent, SentEvent, Verdict } from './schema.ts';

export interface HumanOpens {
  /** For each past open stored as human, in replay order: see humanOpenShared. */
  shared: Array<boolean | null>;
  /** Whether any copy in the log is a counted open of a mail to this contact alone, or to several. */
  sawOwnOpen: boolean;
  sawSharedOpen: boolean;
}

const NONE: HumanOpens = { shared: [], sawOwnOpen: false, sawSharedOpen: false };
/** Up to this many opens are judged in place, where a pair-wise check for a reused id stays cheap. */
const FEW_OPENS = 16;

/** `verdicts`: final verdicts by open id, when the caller has them; else they are judged here. */
export function judgeHumanOpens(history: ContactHistory, verdicts: ReadonlyMap<string, Verdict> | undefined): HumanOpens {
  const { mails, humanOpens } = history;
  if (humanOpens.length === 0) return NONE;
  const shared: Array<boolean | null> = [];
  let sawOwnOpen = false;
  let sawSharedOpen = false;
  if (verdicts === undefined && history.asLogged && humanOpens.length <= FEW_OPENS && distinctIds(humanOpens)) {
    // The common case: the past is the log itself, so these are the opens replayed, in that order.
    for (let i = 0; i < humanOpens.length; i++) {
      const own = staysHuman(humanOpens, i, mails, history.selfViews) ? sharedMessage(humanOpens[i]!.messageId, mails) : null;
      if (own === true) sawSharedOpen = true;
      else if (own === false) sawOwnOpen = true;
      shared.push(own);
    }
    return { shared, sawOwnOpen, sawSharedOpen };
  }
  // Copies, a reused id, many opens or verdicts passed in: by open id, as resolveOpenVerdicts judges.
  const byId = verdicts ?? resolveOpenVerdicts([...mails, ...history.selfViews, ...humanOpens]);
  for (const open of humanOpens) {
    const own = humanOpenShared(open, byId, mails);
    if (own === true) sawSharedOpen = true;
    else if (own === false) sawOwnOpen = true;
  }
  const { past, pastCount } = history;
  for (let i = 0; i < pastCount; i++) {
    const open = past[i]!;
    if (open.type === 'open' && open.verdict.kind === 'human') shared.push(humanOpenShared(open, byId, mails));
  }
  return { shared, sawOwnOpen, sawSharedOpen };
}

function distinctIds(opens: readonly OpenEvent[]): boolean {
  for (let i = 1; i < opens.length; i++) {
    const id = opens[i]!.id;
    for (let j = 0; j < i; j++) if (opens[j]!.id === id) return false;
  }
  return true;
}

/** Whether an open is human and shared; null when it is not human or its message is unknown. */
function humanOpenShared(open: OpenEvent, verdicts: ReadonlyMap<string, Verdict>, mails: readonly SentEvent[]): boolean | null {
  if (open.verdict.kind !== 'human') return null;
  const final = verdicts.get(open.id);
  if (final !== undefined && final.kind !== 'human') return null;
  return sharedMessage(open.messageId, mails);
}

/** Whether a tracked mail went to several people (its last copy in the log decides); null when unknown. */
function sharedMessage(messageId: string, mails: readonly SentEvent[]): boolean | null {
  for (let i = mails.length - 1; i >= 0; i--) if (mails[i]!.messageId === messageId) return isSharedMessage(mails[i]!);
  return null;
}
