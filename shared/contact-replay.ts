// The downgrade machine behind classify. The events that can move the state are fed in time order,
// and each first runs the clock up to its own time; other events need not be fed at all.
//
// A signal (a human open of a mail to this contact alone, a reply, a logged order) lifts the contact
// at once to the signal's level, or restarts the silence clock of its current level. A level that
// hears nothing of its own kind (or better) for its silence period drops one step, and the next
// level's clock starts at that moment. Replaying the whole history, rather than looking only at the
// latest events, is what makes stepwise downgrades and the reason chain exact.
//
// Archives: a rep's archive is an overlay. The machine keeps running underneath it, a new reply or
// order lifts it, and unarchiving shows whatever the contact has become meanwhile. An automatic
// archive (a zombie after a year of silence) is a level: any signal lifts it, and unarchiving
// restarts the contact as inactive from that moment.
import type { LiveState } from './contact-state.ts';
import { DAY } from './day.ts';
import type { Policy } from './policy.ts';
import type { ReasonStep } from './reasons.ts';

// Levels, best first. A zombie is auto-archived; "unstarted" has never been written to.
export const ORDERED = 3;
export const REPLIED = 2;
export const OPENED = 1;
export const INACTIVE = 0;
export const ZOMBIE = -1;
export const UNSTARTED = -2;
export const LEVEL_STATE: readonly LiveState[] = ['inactive', 'opened-no-reply', 'replied', 'ordered'];

export class ContactReplay {
  level = UNSTARTED;
  /** When the current level was entered. */
  since = 0;
  archivedByRepAt: number | null = null;
  firstAt: number | null = null;
  firstSentAt: number | null = null;
  lastOrderAt: number | null = null;
  lastOrderKind: 'sample' | 'order' | null = null;
  /** Mails since the level was entered, not counting the first mail that started the contact. */
  sentSinceEntry = 0;
  sentSinceOrder = 0;
  /** Cleared by a reply or an order: an answer deserves a look now, not after the snooze. */
  snoozedUntil: number | null = null;

  // The two times written at almost every event are kept apart from whether they happened yet: V8
  // updates a field that only ever holds numbers in place, and boxes a new number into one that
  // can also hold null.
  private lastSent = 0;
  private lastSignal = 0;
  private signalled = false;
  private deadline = Infinity; // when the current level's silence runs out; never below inactive
  private held = false; // kept at opened-no-reply because the contact's opens cannot be seen
  // Why the contact is where it is: the steps from `from` on. A new level starts a new story, so
  // earlier steps are left behind rather than copied into a new list each time.
  private steps: ReasonStep[] = [];
  private from = 0;
  private lastIsRefresh = false;
  private readonly silence: Policy['silenceDays'];

  /**
   * `untrackable`: the contact answers but no tracked mail ever recorded a human open, so missing
   * opens prove nothing and never push it from opened-no-reply down to inactive.
   */
  constructor(
    policy: Policy,
    private readonly untrackable: boolean,
  ) {
    this.silence = policy.silenceDays;
  }

  get lastSentAt(): number | null {
    return this.firstSentAt === null ? null : this.lastSent;
  }

  get lastSignalAt(): number | null {
    return this.signalled ? this.lastSignal : null;
  }

  /**
   * Why the contact is here, oldest step first, then `last` when given. A list of its own at its
   * final size: it is kept with the classification, and the working list has room to spare.
   */
  reasons(last: ReasonStep | null): ReasonStep[] {
    const count = this.steps.length - this.from;
    const reasons = new Array<ReasonStep>(last === null ? count : count + 1);
    for (let i = 0; i < count; i++) reasons[i] = this.steps[this.from + i]!;
    if (last !== null) reasons[count] = last;
    return reasons;
  }

  /** Applies every drop whose deadline is at or before `until`. */
  expire(until: number): void {
    // Small enough to be inlined where events are fed: calling out with a time boxes it on the heap.
    if (this.deadline <= until) this.drop(until);
  }

  private drop(until: number): void {
    while (this.deadline <= until) {
      const deadline = this.deadline;
      const silentDays = this.silentDays(this.held ? INACTIVE : this.level);
      if (this.level === OPENED && !this.held && this.untrackable) {
        this.held = true;
        this.runClock(deadline);
        this.push({ code: 'kept-untrackable', at: deadline, silentDays });
        continue;
      }
      const from = LEVEL_STATE[this.level]!;
      const to = this.held ? ZOMBIE : this.level - 1;
      this.enter(to, deadline);
      this.push({ code: 'downgraded', at: deadline, from, to: to === ZOMBIE ? 'archived' : LEVEL_STATE[to]!, silentDays });
    }
  }

  /** The contact's first event, whatever its type: from then on the contact is known. */
  seen(at: number): void {
    if (this.firstAt !== null) return;
    this.firstAt = at;
    this.restart({ code: 'not-written-yet', at });
  }

  sent(at: number): void {
    this.expire(at);
    this.firstSentAt ??= at;
    this.lastSent = at;
    this.sentSinceOrder++;
    if (this.level !== UNSTARTED) {
      this.sentSinceEntry++;
      return;
    }
    this.enter(INACTIVE, at);
    this.restart({ code: 'first-mail', at });
  }

  ownOpen(at: number): void {
    this.expire(at);
    this.signal(OPENED, at);
  }

  reply(at: number): void {
    this.expire(at);
    this.signal(REPLIED, at);
  }

  order(at: number, kind: 'sample' | 'order'): void {
    this.expire(at);
    this.lastOrderAt = at;
    this.lastOrderKind = kind;
    this.sentSinceOrder = 0;
    this.signal(ORDERED, at);
  }

  archive(at: number): void {
    this.expire(at);
    if (this.archivedByRepAt !== null) return;
    this.archivedByRepAt = at;
    this.push({ code: 'archived-by-rep', at });
  }

  unarchive(at: number): void {
    this.expire(at);
    if (this.archivedByRepAt === null && this.level !== ZOMBIE) return;
    this.archivedByRepAt = null;
    if (this.level === ZOMBIE) this.enter(INACTIVE, at);
    this.push({ code: 'unarchived', at });
  }

  private signal(level: number, at: number): void {
    this.lastSignal = at;
    this.signalled = true;
    if (level >= REPLIED) {
      this.archivedByRepAt = null;
      this.snoozedUntil = null;
    }
    if (level > this.level) this.rise(level, at);
    else if (level >= Math.min(this.level, REPLIED)) this.refresh(level, at);
  }

  private rise(level: number, at: number): void {
    this.enter(level, at);
    if (this.archivedByRepAt === null) this.restart(this.step(level, at));
    else {
      this.restart({ code: 'archived-by-rep', at: this.archivedByRepAt });
      this.steps.push(this.step(level, at));
    }
  }

  /** A signal of the level (ordered hears replies too; replied only replies; opened-no-reply opens). */
  private refresh(level: number, at: number): void {
    this.held = false;
    this.runClock(at);
    const last = this.lastIsRefresh ? this.steps[this.steps.length - 1]! : null;
    // A run of refreshes shows only its latest: the step made for the previous one is still only
    // ours, so it is moved on rather than made again.
    if (last !== null && last.code === 'open' && level === OPENED) last.at = at;
    else if (last !== null) this.steps[this.steps.length - 1] = this.step(level, at);
    else this.steps.push(this.step(level, at));
    this.lastIsRefresh = true;
  }

  /** The reason step of a signal, made only once it is kept. */
  private step(level: number, at: number): ReasonStep {
    if (level === OPENED) return { code: 'open', at };
    if (level === REPLIED) return { code: 'reply', at };
    return { code: 'order', at, kind: this.lastOrderKind! };
  }

  /** The silence period of a level, in days. */
  private silentDays(level: number): number {
    switch (level) {
      case ORDERED:
        return this.silence.ordered;
      case REPLIED:
        return this.silence.replied;
      case OPENED:
        return this.silence['opened-no-reply'];
      default:
        return this.silence.inactive;
    }
  }

  private enter(level: number, at: number): void {
    this.level = level;
    this.since = at;
    this.held = false;
    this.sentSinceEntry = 0;
    this.runClock(at);
  }

  /** Starts the current level's silence period at `at`. */
  private runClock(at: number): void {
    this.deadline = this.level >= INACTIVE ? at + this.silentDays(this.held ? INACTIVE : this.level) * DAY : Infinity;
  }

  /** A new story: the steps so far no longer explain where the contact is. */
  private restart(step: ReasonStep): void {
    this.from = this.steps.length;
    this.steps.push(step);
    this.lastIsRefresh = false;
  }

  private push(step: ReasonStep): void {
    this.steps.push(step);
    this.lastIsRefresh = false;
  }
}
