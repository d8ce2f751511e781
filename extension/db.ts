// The extension's database. It lives in the background: IndexedDB opened by a content script
// would belong to the mail site's origin, not to us. Content scripts and pages ask through
// messaging.ts. Every schema version stays declared here; Dexie upgrades old databases in order.
import { Dexie, type EntityTable } from 'dexie';
import type { Classification } from '../shared/classify.ts';
import type { AccountEvent, ClientEvent, EmailTemplate } from '../shared/schema.ts';

export interface StoredEvent {
  id: string;
  /** Position in the Worker's log; 0 while the event exists only here (still in the outbox). */
  seq: number;
  type: AccountEvent['type'];
  at: number;
  /** Contacts the event belongs to directly (recipients of a sent mail, or the event's contact). */
  contacts: string[];
  messageId: string;
  event: AccountEvent;
}

export interface ContactRow {
  email: string;
  state: Classification['state'];
  /** Due time of the next follow-up; Infinity when none (so range queries skip it). */
  nextFollowUpAt: number;
  classification: Classification;
  firstName?: string;
  lastName?: string;
  company?: string;
  country?: string;
  updatedAt: number;
}

export type OutboxStatus = 'pending' | 'conflict' | 'rejected';

export interface OutboxItem {
  id: string;
  event: ClientEvent;
  queuedAt: number;
  attempts: number;
  nextAttemptAt: number;
  status: OutboxStatus;
  lastError?: string;
}

export interface KeyValue {
  key: string;
  value: unknown;
}

export interface CustomTemplate {
  key: string;
  template: EmailTemplate;
  updatedAt: number;
}

export interface Notified {
  eventId: string;
  at: number;
}

export class TidewiseDb extends Dexie {
  events!: EntityTable<StoredEvent, 'id'>;
  contacts!: EntityTable<ContactRow, 'email'>;
  outbox!: EntityTable<OutboxItem, 'id'>;
  kv!: EntityTable<KeyValue, 'key'>;
  templates!: EntityTable<CustomTemplate, 'key'>;
  notified!: EntityTable<Notified, 'eventId'>;

  constructor(name = 'tidewise') {
    // Strict durability: a write is on disk before it is reported done (the outbox must never lose a
    // send). It costs one flush per transaction, not per row, so bulk writes stay fast.
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({
      events: 'id, seq, type, at, *contacts, messageId',
      contacts: 'email, state, nextFollowUpAt',
      outbox: 'id, status, nextAttemptAt',
      kv: 'key',
      templates: 'key',
      notified: 'eventId',
    });
  }
}

/** Where an event belongs, for the indexes. */
export function toStored(event: AccountEvent, seq: number): StoredEvent {
  return {
    id: event.id,
    seq,
    type: event.type,
    at: event.at,
    contacts: event.type === 'sent' ? [...event.recipients] : 'contact' in event ? [event.contact] : [],
    messageId: 'messageId' in event ? event.messageId : '',
    event,
  };
}
