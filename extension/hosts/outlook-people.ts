// Addresses from Outlook's own service.svc answers (GetConversationItems, GetItem, FindConversation
// ...), for when the page shows display names only (webmail-integration.md §2.2). Pure: the
// MAIN-world tap hands it the response text; every EWS Mailbox object ({Name, EmailAddress}) in it
// is a name-address pair, wherever the action's shape puts it.

/** The tap announces the people of each answer with this event; `detail` is OutlookPerson[] as JSON. */
export const OUTLOOK_PEOPLE_EVENT = 'tidewise:outlook-people';

export interface OutlookPerson {
  email: string;
  name: string;
}

const READ_ACTION = /\/service\.svc\?(?:[^#]*&)?action=(GetConversationItems|GetItem|FindConversation|FindItem)(?:[&#]|$)/i;

export function isOutlookReadRequestUrl(url: string): boolean {
  return READ_ACTION.test(url);
}

export function parsePeople(body: string): OutlookPerson[] {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return [];
  }
  const found = new Map<string, OutlookPerson>();
  const walk = (node: unknown, depth: number) => {
    if (depth > 40 || typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) {
      for (const child of node) walk(child, depth + 1);
      return;
    }
    const entry = node as Record<string, unknown>;
    const { EmailAddress: email, Name: name } = entry;
    if (typeof email === 'string' && email.includes('@') && typeof name === 'string' && name.trim() !== '') {
      const key = `${email.trim().toLowerCase()}\n${name.trim()}`;
      found.set(key, { email: email.trim().toLowerCase(), name: name.trim() });
    }
    for (const child of Object.values(entry)) walk(child, depth + 1);
  };
  walk(json, 0);
  return [...found.values()];
}

/** Display name to address, from what the tap heard; a name heard with two addresses is ambiguous and dropped. */
export class PeopleDirectory {
  readonly #byName = new Map<string, string | null>();

  /** Learns these pairs; true when a lookup may now answer differently (what was read with it is out of date). */
  add(people: readonly OutlookPerson[]): boolean {
    let changed = false;
    for (const { email, name } of people) {
      const key = name.toLowerCase();
      const known = this.#byName.get(key);
      const next = known === undefined || known === email ? email : null;
      if (next === known) continue;
      this.#byName.set(key, next);
      changed = true;
    }
    return changed;
  }

  lookup(name: string): string | null {
    return this.#byName.get(name.trim().toLowerCase()) ?? null;
  }
}
