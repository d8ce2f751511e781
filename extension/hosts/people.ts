// People as webmail pages show them: a normalised address and, when it says more, a name.
import type { Person } from './host.ts';

export function makePerson(email: string, name?: string | null): Person {
  const address = email.trim().toLowerCase();
  const label = name?.trim();
  return label && label.toLowerCase() !== address ? { email: address, name: label } : { email: address };
}

/** One entry per address; a named entry wins over a bare one. */
export function uniquePeople(people: Person[]): Person[] {
  const byEmail = new Map<string, Person>();
  for (const person of people) {
    const known = byEmail.get(person.email);
    if (!known || (!known.name && person.name)) byEmail.set(person.email, person);
  }
  return [...byEmail.values()];
}
