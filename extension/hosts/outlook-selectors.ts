// Every Outlook on the web hook, as ordered candidate lists (same rules as gmail-selectors.ts):
// ids, data-*, roles and Fluent icon names first, because OWA's class names are CSS-module hashes
// and its labels are localized. A localized aria-label is only ever a later candidate.
// Sources: shared/research/webmail-integration.md §2.2, §4.2, §5. Hooks marked [?] there are
// checked against our fixture only (test/fixtures/outlook), not against a captured OWA page.
import type { Candidates } from './gmail-selectors.ts';

export { all, closest, first, matchesAny } from './gmail-selectors.ts';

export const OUTLOOK = {
  /** The reading pane: the open conversation, or a compose opened in it. */
  readingPane: ['#ReadingPaneContainerId', '[data-app-section="MailReadCompose"]'],
  conversation: ['[data-app-section="ConversationContainer"]'],
  /** data-convid on the conversation, else on the selected list row. */
  convId: ['[data-app-section="ConversationContainer"][data-convid]', '[data-convid]'],
  selectedRow: ['[role=listbox] [role=option][aria-selected=true][data-convid]'],
  subject: ['[role=heading][aria-level="2"]', '[role=heading][aria-level="1"]', 'div[role=heading]'],
  /** Without data-item-id: the block that holds a message body (any language), then the English label. */
  message: ['[data-item-id]', 'div:has(> [id^="UniqueMessageBody"])', 'div:has(> div[role=document])', '[aria-label="Email message"]'],
  /** Persona buttons: the first in a message header is its sender, the others its recipients. */
  persona: ['[data-lpc-hover-target-id]', '.lpc-hoverTarget'],
  messageDate: ['[data-testid="SentReceivedSavedTime"]'],
  messageBody: ['[id^="UniqueMessageBody"]', 'div[role=document]'],
  replyButton: ['button:has([data-icon-name="Reply"])', '[role=button]:has([data-icon-name="Reply"])'],

  list: ['[role=listbox]'],
  row: ['[role=listbox] [role=option][data-convid]'],
  rowUnread: ['[data-unread=true]'],

  /** The message body editor; recipient wells are contenteditable textboxes too, but single-line. */
  composeEditor: [
    '[id^="editorParent"] [role=textbox][contenteditable=true]',
    'div[role=textbox][contenteditable=true][aria-multiline=true]',
  ],
  /** Looked up with closest() from the editor. */
  composeRoot: ['[data-app-section="MailCompose"]', '[id^="docking_InitVisiblePart"]', '[role=dialog]', 'form'],
  composeSubject: ['input[id^="subjectLine"]', 'input[maxlength="255"]'],
  /** The Fluent icon name is not localized; the labels after it are English-only fallbacks. */
  sendIcon: ['[data-icon-name="Send"]'],
  sendButtonLabel: ['button[aria-label^="Send"]', 'button[title^="Send"]'],
  /** The signed-in account (Microsoft account control). */
  accountAddress: ['#mectrl_currentAccount_secondary'],
  accountName: ['#mectrl_currentAccount_primary'],
  accountButton: ['#mectrl_main_trigger', '#O365_MainLink_Me'],
} as const satisfies Record<string, Candidates>;
