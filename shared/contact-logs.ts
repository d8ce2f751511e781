// An account's log split by contact, in flat columns: what classify reads of every event (its
// time, what it is, its message) sits in typed arrays, each contact's slots side by side. On a large
// account the costly part of classifying is not the arithmetic but the first touch of each contact's
// events, scattered across the heap in log order; grouping walks the log in that order anyway, so it
// copies out what classify needs as it goes. Event objects are read again only for rare fields.
//
// Who a slot belongs to: per-contact events name their contact; a sent mail goes to each distinct
// recipient; opens and self-view beacons name only the pixel's message, so they follow the message to
// every recipient of its first sent event. Opens of a message nobody was recorded sending belong to
// no contact and are left out.
import { isSharedMessage } from './contact-events.ts';
import { MessageIndex } from './message-index.ts';
import type { AccountEvent, Email, Intent } from './schema.ts';

/** Events in columns, by slot: one slot per event and contact it belongs to. */
export interface EventColumns {
  /** The events as given; `source` names each slot's event by its position here. */
  events: readonly AccountEvent[];
  source: Int32Array;
  at: Float64Array;
  /** What the event is: one of the codes below. */
  code: Uint8Array;
  /**
   * For sent mail, opens and self-views, a number per distinct message id; for a snooze, where its
   * end is in `snoozeEnds`; otherwise -1.
   */
  message: Int32Array;
  /** When each snooze ends, by the number in its slot's `message`. */
  snoozeEnds: number[];
  /** A hash of the event's id: slots whose hashes differ hold different ids (see idHash). */
  idHash: Int32Array;
}

/** Contact c's slots are start[c] up to start[c + 1]. */
export interface ContactLogs extends EventColumns {
  contacts: Email[];
  start: Int32Array;
}

// Codes: what the replay and the open judging tell apart without reading the event.
export const SENT = 0;
/** A mail to several distinct people: an open of it says "someone on this message", not who. */
export const SENT_SHARED = 1;
export const OPEN = 2;
/** An open stored as human: only these can promote a contact. */
export const HUMAN_OPEN = 3;
export const SELF_VIEW = 4;
export const REPLY = 5;
export const ORDER = 6;
export const SAMPLE_ORDER = 7;
export const SNOOZE = 8;
export const ARCHIVE = 9;
export const UNARCHIVE = 10;
export const PROFILE = 11;
/** Notes, tier, stars, size, source, tags: they never move the state. */
export const OTHER = 12;
/** An intent event is INTENT + its index in INTENTS. */
export const INTENT = 13;
export const INTENTS: readonly Intent[] = ['interested', 'later', 'no-need'];

/**
 * A hash of an event id from its length and last four characters, where UUIDs (random or
 * sequential) differ. Different hashes prove different ids without reading them again; equal
 * ones are compared in full, so a poor hash costs time, never a wrong answer.
 */
export function idHash(id: string): number {
  const n = id.length;
  return (n << 24) ^ (id.charCodeAt(n - 1) << 18) ^ (id.charCodeAt(n - 2) << 12) ^ (id.charCodeAt(n - 3) << 6) ^ id.charCodeAt(n - 4);
}

/** One contact by its index, or several. */
type Recipients = number | number[];
const SEVERAL = -1;
const EARLY = -2;
const NOBODY = -3;

/**
 * Splits an account's log by contact. Each contact's slots keep the log's order, except opens and
 * self-views logged before their mail, which come last (classify sorts by time anyway). Pixel
 * message ids are unique per mail; should one appear in two sent events, its opens follow the first.
 *
 * About one Map lookup per event, in one pass in log order that also reads what classify needs; the
 * columns are then filled at their final size, which costs far less than growing a list per contact.
 */
export function groupContacts(events: readonly AccountEvent[]): ContactLogs {
  const n = events.length;
  const contacts: Email[] = [];
  const indexOf = new Map<Email, number>();
  const contactOf = (contact: Email): number => {
    let index = indexOf.get(contact);
    if (index === undefined) indexOf.set(contact, (index = contacts.push(contact) - 1));
    return index;
  };
  const messageOf = new MessageIndex();
  const recipientsOf: Recipients[] = []; // by message number, from its first sent event
  // By position in the log: whose each event is (a contact, SEVERAL, EARLY or NOBODY) and its columns.
  const owner = new Int32Array(n);
  const several = new Map<number, number[]>();
  const early: number[] = [];
  const at = new Float64Array(n);
  const code = new Uint8Array(n);
  const message = new Int32Array(n).fill(-1);
  const ids = new Int32Array(n);
  const snoozeEnds: number[] = [];
  for (let i = 0; i < n; i++) {
    const event = events[i]!;
    ids[i] = idHash(event.id);
    let to: Recipients;
    switch (event.type) {
      case 'sent': {
        at[i] = event.at;
        const recipients = event.recipients;
        if (recipients.length === 1) to = contactOf(recipients[0]!);
        else {
          const indexes = [...new Set(recipients)].map(contactOf);
          to = indexes.length === 1 ? indexes[0]! : indexes;
        }
        code[i] = typeof to === 'number' ? SENT : SENT_SHARED;
        const number = messageOf.add(event.messageId);
        if (number === recipientsOf.length) recipientsOf.push(to);
        message[i] = number;
        break;
      }
      case 'open':
      case 'self-view': {
        at[i] = event.at;
        code[i] = event.type === 'self-view' ? SELF_VIEW : event.verdict.kind === 'human' ? HUMAN_OPEN : OPEN;
        const number = messageOf.find(event.messageId);
        if (number < 0) {
          owner[i] = EARLY;
          early.push(i);
          continue;
        }
        message[i] = number;
        to = recipientsOf[number]!;
        break;
      }
      default:
        at[i] = event.at;
        code[i] = contactCode(event);
        if (event.type === 'snooze') message[i] = snoozeEnds.push(event.until) - 1;
        to = contactOf(event.contact);
        break;
    }
    if (typeof to === 'number') owner[i] = to;
    else {
      owner[i] = SEVERAL;
      several.set(i, to);
    }
  }
  for (const i of early) {
    const event = events[i]!;
    const number = 'messageId' in event ? messageOf.find(event.messageId) : -1;
    if (number < 0) owner[i] = NOBODY;
    else message[i] = number;
  }

  // Slot ranges at their final size, then filled in log order, the early opens last.
  const start = new Int32Array(contacts.length + 1);
  for (let i = 0; i < n; i++) {
    const to = owner[i]!;
    if (to >= 0) start[to + 1]!++;
    else if (to === SEVERAL) for (const index of several.get(i)!) start[index + 1]!++;
  }
  for (const i of early) {
    if (owner[i] === EARLY) for (const index of recipientList(recipientsOf[message[i]!]!)) start[index + 1]!++;
  }
  for (let c = 0; c < contacts.length; c++) start[c + 1]! += start[c]!;
  const slots = start[contacts.length]!;
  const logs: ContactLogs = {
    events,
    contacts,
    start,
    source: new Int32Array(slots),
    at: new Float64Array(slots),
    code: new Uint8Array(slots),
    message: new Int32Array(slots),
    snoozeEnds,
    idHash: new Int32Array(slots),
  };
  const filled = start.slice(0, contacts.length);
  for (let i = 0; i < n; i++) {
    const to = owner[i]!;
    if (to >= 0) place(logs, filled[to]!++, i, at, code, message, ids);
    else if (to === SEVERAL) for (const index of several.get(i)!) place(logs, filled[index]!++, i, at, code, message, ids);
  }
  for (const i of early) {
    if (owner[i] !== EARLY) continue;
    for (const index of recipientList(recipientsOf[message[i]!]!)) place(logs, filled[index]!++, i, at, code, message, ids);
  }
  return logs;
}

function place(logs: EventColumns, slot: number, i: number, at: Float64Array, code: Uint8Array, message: Int32Array, ids: Int32Array): void {
  logs.source[slot] = i;
  logs.at[slot] = at[i]!;
  logs.code[slot] = code[i]!;
  logs.message[slot] = message[i]!;
  logs.idHash[slot] = ids[i]!;
}

function recipientList(to: Recipients): readonly number[] {
  return typeof to === 'number' ? [to] : to;
}

/** The same split as plain lists of events, by contact. */
export function groupEventsByContact(events: readonly AccountEvent[]): Map<Email, AccountEvent[]> {
  const logs = groupContacts(events);
  const byContact = new Map<Email, AccountEvent[]>();
  for (let c = 0; c < logs.contacts.length; c++) byContact.set(logs.contacts[c]!, eventsOf(logs, c));
  return byContact;
}

/**
 * One contact's events as given, in columns: slots 0 up to events.length, in the given order.
 * Events of two contacts mixed up are a caller's bug (grouping is groupContacts' job): per-contact
 * events up to `now` naming two contacts throw (later ones have not happened, so go unchecked).
 */
export function columnsOf(events: readonly AccountEvent[], now: number): EventColumns {
  const n = events.length;
  const columns: EventColumns = {
    events,
    source: new Int32Array(n),
    at: new Float64Array(n),
    code: new Uint8Array(n),
    message: new Int32Array(n).fill(-1),
    snoozeEnds: [],
    idHash: new Int32Array(n),
  };
  const messageOf = new MessageIndex();
  let contact: string | null = null;
  for (let i = 0; i < n; i++) {
    const event = events[i]!;
    columns.source[i] = i;
    columns.at[i] = event.at;
    columns.idHash[i] = idHash(event.id);
    if ('contact' in event && event.at <= now) {
      if (contact !== null && contact !== event.contact) {
        throw new Error(`classify takes one contact's events, got ${contact} and ${event.contact}`);
      }
      contact = event.contact;
    }
    switch (event.type) {
      case 'sent':
        columns.code[i] = isSharedMessage(event) ? SENT_SHARED : SENT;
        columns.message[i] = messageOf.add(event.messageId);
        break;
      case 'open':
        columns.code[i] = event.verdict.kind === 'human' ? HUMAN_OPEN : OPEN;
        columns.message[i] = messageOf.add(event.messageId);
        break;
      case 'self-view':
        columns.code[i] = SELF_VIEW;
        columns.message[i] = messageOf.add(event.messageId);
        break;
      default:
        columns.code[i] = contactCode(event);
        if (event.type === 'snooze') columns.message[i] = columns.snoozeEnds.push(event.until) - 1;
        break;
    }
  }
  return columns;
}

/** The code of an event that names its contact. */
function contactCode(event: Exclude<AccountEvent, { type: 'sent' | 'open' | 'self-view' }>): number {
  switch (event.type) {
    case 'snooze':
      return SNOOZE;
    case 'reply':
      return REPLY;
    case 'order':
      return event.kind === 'sample' ? SAMPLE_ORDER : ORDER;
    case 'intent':
      return INTENT + INTENTS.indexOf(event.intent);
    case 'archive':
      return ARCHIVE;
    case 'unarchive':
      return UNARCHIVE;
    case 'profile':
      return PROFILE;
    default:
      return OTHER;
  }
}

/** Contact c's events, in its slots' order. */
export function eventsOf(logs: ContactLogs, contact: number): AccountEvent[] {
  const list: AccountEvent[] = [];
  for (let slot = logs.start[contact]!; slot < logs.start[contact + 1]!; slot++) list.push(logs.events[logs.source[slot]!]!);
  return list;
}

/** Contact c's profile events, the only ones read when a contact's row is written. */
export function profileEventsOf(logs: ContactLogs, contact: number): AccountEvent[] {
  const list: AccountEvent[] = [];
  for (let slot = logs.start[contact]!; slot < logs.start[contact + 1]!; slot++) {
    if (logs.code[slot] === PROFILE) list.push(logs.events[logs.source[slot]!]!);
  }
  return list;
}
