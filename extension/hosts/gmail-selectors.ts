// Every Gmail DOM hook, as an ordered list of candidates: stable anchors (ids, data-*, name=,
// [email], roles) first, Gmail's short generated classes after them. The first candidate that
// matches wins, so a renamed class falls back to the next one instead of switching a feature off.
// Sources for each hook: shared/research/webmail-integration.md §2.1, §4.1.

export type Candidates = readonly string[];

export const GMAIL = {
  main: ['[role=main]'],
  /** The open conversation (2023+ layout, table layout, older `div.if`, preview pane). */
  threadRoot: ['[role=main] .a98.iY', '[role=main] table.Bs > tr', 'div.if', '[role=main] .aia'],
  threadSubject: ['h2[data-thread-perm-id]', 'h2[data-legacy-thread-id]', 'h2.hP', '.ha h2'],
  message: ['div[data-message-id]', 'div[data-legacy-message-id]', 'div.adn'],
  messageSender: ['span.gD[email]', 'td.gF span[email]', '.gE span[email]'],
  messageRecipients: ['.hb span[email]', 'span.g2[email]'],
  messageDate: ['.g3[title]', '.gK span[title]'],
  messageBody: ['div.a3s', 'div.ii.gt'],
  /** Localised labels come first only because Gmail's own reply link has no stable attribute. */
  replyButton: ['[role=button][data-tooltip="Reply"]', '[role=button][aria-label="Reply"]', '.ams.bkH'],

  inboxRow: ['tr.zA'],
  rowThread: ['[data-thread-id]', '[data-legacy-thread-id]'],
  rowSender: ['.yW span[email]', 'span[email]'],
  rowSubject: ['[data-thread-id]', '[data-legacy-thread-id]', 'span.bog', '.y6 > span'],
  /** The list's preview of the latest message (" - Thank you for…"). */
  rowSnippet: ['span.y2'],
  rowDate: ['td.xW span[title]', '.xW [title]'],

  composeEditor: [
    'div[g_editable=true][contenteditable=true]',
    'div.Am.Al.editable[contenteditable=true]',
    'div[role=textbox][contenteditable=true][aria-label="Message Body"]',
  ],
  /** Looked up with closest() from the editor: a dialog, an inline reply, a bare form. */
  composeRoot: ['[role=dialog]', 'div.M9', 'form'],
  composeSubject: ['input[name=subjectbox]'],
  composeThread: ['input[name=rt]'],
  composeDraft: ['input[name=draft]'],
  composeId: ['input[name=composeid]'],
  sendButton: [
    '.IZ .Up div > div[role=button]:not(.Uo):not([aria-haspopup=true])',
    'div.T-I.T-I-atl[role=button]:not([aria-haspopup=true])',
    '[role=button][data-tooltip^="Send"]:not([aria-haspopup=true])',
  ],
  /** "More send options" beside Send: its menu holds Schedule send. */
  sendOptionsButton: [
    '.IZ .Up div > div[role=button][aria-haspopup=true]',
    'div.T-I.T-I-atl[role=button][aria-haspopup=true]',
  ],
  /** Schedule send in that menu, which Gmail draws at the end of the page, outside the compose. */
  scheduleSend: ['[role=menuitem][selector=scheduledSend]', '[selector=scheduledSend]'],
  /** Looked up with closest() from the send button: the row our toolbar items join. */
  sendRow: ['tr.btC', 'tr', '.IZ'],
  /** The container compose dialogs ("moles") are added to and removed from. */
  moleContainer: ['div.dw .nH > .nH > .no', 'div.dw'],
  /** The signed-in account's avatar link (the title is the first source). */
  account: ['a[aria-label^="Google Account:"]', 'a[href^="https://accounts.google.com/SignOutOptions"][aria-label]'],
} as const satisfies Record<string, Candidates>;

export type RecipientKind = 'to' | 'cc' | 'bcc';

/** Recipient chips of one field: People Kit chips, chips with an address, legacy hidden inputs. */
export function recipientCandidates(kind: RecipientKind): Candidates {
  return [`div[name=${kind}] [data-hovercard-id]`, `div[name=${kind}] span[email]`, `.GS input[type=hidden][name=${kind}]`];
}

/** The first element matching the first candidate that matches anything. */
export function first<E extends Element = Element>(root: ParentNode, candidates: Candidates): E | null {
  for (const selector of candidates) {
    const found = root.querySelector<E>(selector);
    if (found) return found;
  }
  return null;
}

/**
 * Every element of the first candidate that yields any (after `keep`). Candidates are not merged:
 * the same thing spelled two ways would otherwise be counted twice.
 */
export function all<E extends Element = Element>(root: ParentNode, candidates: Candidates, keep: (element: E) => boolean = () => true): E[] {
  for (const selector of candidates) {
    const found = [...root.querySelectorAll<E>(selector)].filter(keep);
    if (found.length > 0) return found;
  }
  return [];
}

/** The nearest ancestor (or the element itself) matching a candidate, trying candidates in order. */
export function closest<E extends Element = Element>(element: Element, candidates: Candidates): E | null {
  for (const selector of candidates) {
    const found = element.closest<E>(selector);
    if (found) return found;
  }
  return null;
}

/** Which candidate matched (its index), or -1: for selector-miss reports and the fixture tests. */
export function matchedCandidate(root: ParentNode, candidates: Candidates): number {
  return candidates.findIndex((selector) => root.querySelector(selector) !== null);
}

export function matchesAny(element: Element, candidates: Candidates): boolean {
  return candidates.some((selector) => element.matches(selector));
}
