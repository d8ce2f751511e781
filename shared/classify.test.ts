import { describe, expect, test } from 'vitest';
import { classify, type Classification } from './classify.ts';
import { DAY } from './day.ts';
import { eventFactory, type EventFactory } from './event-fixtures.ts';
import { DEFAULT_POLICY, policy } from './policy.ts';
import { describeReasons } from './reasons.ts';
import type { AccountEvent, VerdictKind } from './schema.ts';

// Thursday 12 March 2026, 09:00 UTC: day 0 of every scenario.
const T0 = Date.UTC(2026, 2, 12, 9);
const day = (n: number) => T0 + n * DAY;
const HOUR = 3_600_000;

type Build = (f: EventFactory) => AccountEvent[];
const run = (build: Build, nowDay: number, rules = DEFAULT_POLICY) => classify(build(eventFactory()), rules, day(nowDay));

// A contact whose opens we can see: mail on day -2, read on day -1, answer on day 0.
const repliedDay0: Build = (f) => {
  const mail = f.sent(day(-2));
  return [mail, f.open(day(-1), mail), f.reply(day(0))];
};
const openedDay0: Build = (f) => {
  const mail = f.sent(day(-2));
  return [mail, f.open(day(0), mail)];
};
const orderedDay0: Build = (f) => {
  const mail = f.sent(day(-3));
  return [mail, f.open(day(-2), mail), f.reply(day(-1)), f.order(day(0))];
};
const sentDay0: Build = (f) => [f.sent(day(0))];
/** A new mail and its human open. */
const readMail = (f: EventFactory, sentDay: number, openDay: number, options = {}): AccountEvent[] => {
  const mail = f.sent(day(sentDay));
  return [mail, f.open(day(openDay), mail, options)];
};

describe('states', () => {
  test.each<[string, Build, number, Partial<Classification>]>([
    ['one mail, no answer', sentDay0, 10, { state: 'inactive', since: day(0), nextFollowUpAt: day(30) }],
    ['a human open', openedDay0, 1, { state: 'opened-no-reply', since: day(0), nextFollowUpAt: day(14) }],
    ['a reply', repliedDay0, 1, { state: 'replied', since: day(0), nextFollowUpAt: day(3) }],
    ['an order', orderedDay0, 1, { state: 'ordered', since: day(0), nextFollowUpAt: day(7) }],
    ['a sample order', (f) => [f.sent(day(-1)), f.order(day(0), 'sample')], 1, { state: 'ordered', templateKey: 'ordered.sample-feedback' }],
    ['a reply without any open', (f) => [f.sent(day(-1)), f.reply(day(0))], 1, { state: 'replied', flags: ['untrackable'] }],
    ['an inbound reply, nothing sent', (f) => [f.reply(day(0))], 1, { state: 'replied', since: day(0) }],
    ['an order logged before any mail', (f) => [f.order(day(0))], 1, { state: 'ordered', templateKey: 'ordered.thanks-feedback' }],
  ])('%s', (_name, build, nowDay, expected) => {
    expect(run(build, nowDay)).toMatchObject(expected);
  });

  test('zero events: inactive, nothing due, nothing to explain but that', () => {
    expect(classify([], DEFAULT_POLICY, day(0))).toMatchObject({
      state: 'inactive',
      since: null,
      nextFollowUpAt: null,
      reasons: [{ code: 'no-events' }],
      templateKey: 'inactive.introduction',
      flags: [],
    });
  });

  test('known but never written to: the first mail is due from the day the contact appeared', () => {
    const result = run((f) => [f.note(day(0))], 5);
    expect(result).toMatchObject({ state: 'inactive', since: day(0), nextFollowUpAt: day(0), templateKey: 'inactive.introduction' });
    expect(describeReasons(result.reasons)).toBe('added 12 Mar 2026; no tracked mail sent yet');
  });
});

describe('stepwise downgrades: the day before, on and after each period', () => {
  // Each level's period starts when the level above expired.
  test.each<[string, Build, number, string, number]>([
    ['replied holds for 60 days', repliedDay0, 59, 'replied', 0],
    ['replied -> opened-no-reply on day 60', repliedDay0, 60, 'opened-no-reply', 60],
    ['replied -> opened-no-reply, day 61', repliedDay0, 61, 'opened-no-reply', 60],
    ['opened-no-reply holds 60 more days', repliedDay0, 119, 'opened-no-reply', 60],
    ['opened-no-reply -> inactive on day 120', repliedDay0, 120, 'inactive', 120],
    ['inactive, day 121', repliedDay0, 121, 'inactive', 120],
    ['inactive holds 365 more days', repliedDay0, 484, 'inactive', 120],
    ['inactive -> archived on day 485', repliedDay0, 485, 'archived', 485],
    ['archived, day 486', repliedDay0, 486, 'archived', 485],
    ['ordered holds for 180 days', orderedDay0, 179, 'ordered', 0],
    ['ordered -> replied on day 180', orderedDay0, 180, 'replied', 180],
    ['ordered -> replied, day 181', orderedDay0, 181, 'replied', 180],
    ['then opened-no-reply on day 240', orderedDay0, 240, 'opened-no-reply', 240],
    ['then inactive on day 300', orderedDay0, 300, 'inactive', 300],
    ['then archived on day 665', orderedDay0, 665, 'archived', 665],
    ['opened holds for 60 days', openedDay0, 59, 'opened-no-reply', 0],
    ['opened -> inactive on day 60', openedDay0, 60, 'inactive', 60],
    ['opened -> inactive, day 61', openedDay0, 61, 'inactive', 60],
    ['never opened: inactive for 365 days', sentDay0, 364, 'inactive', 0],
    ['never opened: archived on day 365', sentDay0, 365, 'archived', 365],
    ['never opened: archived, day 366', sentDay0, 366, 'archived', 365],
  ])('%s', (_name, build, nowDay, state, sinceDay) => {
    const result = run(build, nowDay);
    expect(result.state).toBe(state);
    expect(result.since).toBe(day(sinceDay));
  });

  test('custom silence periods are honoured', () => {
    const rules = policy.parse({ silenceDays: { replied: 10, 'opened-no-reply': 5 } });
    expect(run(repliedDay0, 9, rules).state).toBe('replied');
    expect(run(repliedDay0, 10, rules).state).toBe('opened-no-reply');
    expect(run(repliedDay0, 15, rules).state).toBe('inactive');
  });

  test('the reason chain reads like the sidebar', () => {
    const result = run(repliedDay0, 130);
    expect(describeReasons(result.reasons)).toBe(
      'replied 12 Mar 2026; no reply for 60 days: downgraded to opened-no-reply on 11 May 2026; ' +
        'no human open for 60 days: downgraded to inactive on 10 Jul 2026',
    );
    expect(result.reasons[1]).toEqual({ code: 'downgraded', at: day(60), from: 'replied', to: 'opened-no-reply', silentDays: 60 });
  });
});

describe('signals lift at once and restart the clock', () => {
  test.each<[string, Build, number, string, number]>([
    ['an open lifts an inactive contact', (f) => [...repliedDay0(f), ...readMail(f, 125, 130)], 131, 'opened-no-reply', 130],
    ['a reply lifts an inactive contact', (f) => [...repliedDay0(f), f.reply(day(130))], 131, 'replied', 130],
    ['an order lifts an opened contact', (f) => [...openedDay0(f), f.order(day(10))], 11, 'ordered', 10],
    ['a reply lifts a zombie', (f) => [...sentDay0(f), f.reply(day(400))], 401, 'replied', 400],
    ['a new reply restarts replied', (f) => [...repliedDay0(f), f.reply(day(50))], 109, 'replied', 0],
    ['and it expires 60 days after the last reply', (f) => [...repliedDay0(f), f.reply(day(50))], 110, 'opened-no-reply', 110],
    ['a reply restarts ordered', (f) => [...orderedDay0(f), f.reply(day(170))], 349, 'ordered', 0],
    ['an order restarts ordered', (f) => [...orderedDay0(f), f.order(day(170))], 349, 'ordered', 0],
    ['an open restarts opened-no-reply', (f) => [...openedDay0(f), ...readMail(f, 45, 50)], 109, 'opened-no-reply', 0],
    // replied only hears replies: reading alone does not keep a contact at replied
    ['an open does not restart replied', (f) => [...repliedDay0(f), ...readMail(f, 45, 50)], 60, 'opened-no-reply', 60],
    ['an open does not restart ordered', (f) => [...orderedDay0(f), ...readMail(f, 165, 170)], 181, 'replied', 180],
  ])('%s', (_name, build, nowDay, state, sinceDay) => {
    const result = run(build, nowDay);
    expect(result.state).toBe(state);
    expect(Math.floor((result.since! - T0) / DAY)).toBe(sinceDay);
  });
});

describe('open verdicts', () => {
  test.each<[VerdictKind, string]>([
    ['human', 'opened-no-reply'],
    ['bot', 'inactive'],
    ['apple-prefetch', 'inactive'],
    ['self-view', 'inactive'],
    ['too-soon', 'inactive'],
    ['repeat', 'inactive'],
  ])('a %s open -> %s', (kind, state) => {
    const result = run((f) => {
      const mail = f.sent(day(0));
      return [mail, f.open(day(1), mail, { verdict: { kind, reason: 'test' } })];
    }, 2);
    expect(result.state).toBe(state);
  });

  test('a stored human verdict seconds after the send is the rep\u2019s own client: too soon', () => {
    const result = run((f) => {
      const mail = f.sent(day(0));
      return [mail, f.open(day(0) + 5_000, mail)];
    }, 2);
    expect(result.state).toBe('inactive');
  });

  test('a self-view beacon that arrives after the open still cancels it', () => {
    const result = run((f) => {
      const mail = f.sent(day(0));
      // The beacon is logged later than the proxy hit it explains.
      return [mail, f.open(day(1), mail), f.selfView(day(1) + 20_000, mail)];
    }, 2);
    expect(result.state).toBe('inactive');
  });

  test('an open of a message with no sent event is nobody\u2019s open', () => {
    expect(run((f) => [f.sent(day(0)), f.open(day(1), 'unknown-message-id-000')], 2).state).toBe('inactive');
  });

  test('verdicts passed in win over the stored ones', () => {
    const f = eventFactory();
    const mail = f.sent(day(0));
    const open = f.open(day(1), mail);
    const result = classify([mail, open], DEFAULT_POLICY, day(2), new Map([[open.id, { kind: 'bot', reason: 'test' }]]));
    expect(result.state).toBe('inactive');
  });
});

describe('shared opens', () => {
  const shared: Build = (f) => {
    const mail = f.sent(day(0), ['buyer@example.com', 'boss@example.com']);
    return [mail, f.open(day(1), mail)];
  };

  test('someone on a message to several people opened: shown, never promotes', () => {
    expect(run(shared, 5)).toMatchObject({ state: 'inactive', flags: ['shared-open-only'] });
  });

  test('an open of a mail to this contact alone still counts', () => {
    const result = run((f) => {
      const alone = f.sent(day(2));
      return [...shared(f), alone, f.open(day(3), alone)];
    }, 4);
    expect(result).toMatchObject({ state: 'opened-no-reply', flags: [] });
  });

  test('the same address twice is still one recipient', () => {
    const result = run((f) => {
      const mail = f.sent(day(0), ['buyer@example.com', 'buyer@example.com']);
      return [mail, f.open(day(1), mail)];
    }, 2);
    expect(result.state).toBe('opened-no-reply');
  });
});

describe('untrackable contacts', () => {
  const blind: Build = (f) => [f.sent(day(-2)), f.reply(day(0))];

  test.each<[string, Build, number, string, string[]]>([
    ['replied, no open ever: flagged', blind, 10, 'replied', ['untrackable']],
    ['drops to opened-no-reply as usual', blind, 60, 'opened-no-reply', ['untrackable']],
    ['but missing opens do not push it to inactive', blind, 120, 'opened-no-reply', ['untrackable']],
    ['still kept a year later', blind, 484, 'opened-no-reply', ['untrackable']],
    ['a year of no signal at all still archives it', blind, 485, 'archived', ['untrackable']],
    ['a bot open proves nothing', (f) => [...blind(f), ...readMail(f, 0.5, 1, { verdict: { kind: 'bot', reason: 'crawler' } })], 120, 'opened-no-reply', ['untrackable']],
    ['one human open, even shared, makes opens count', (f) => {
      const mail = f.sent(day(-1), ['buyer@example.com', 'boss@example.com']);
      return [...blind(f), mail, f.open(day(-1) + HOUR, mail)];
    }, 120, 'inactive', ['shared-open-only']],
    ['an order without opens is held the same way', (f) => [f.sent(day(-2)), f.order(day(0))], 300, 'opened-no-reply', ['untrackable']],
  ])('%s', (_name, build, nowDay, state, flags) => {
    expect(run(build, nowDay)).toMatchObject({ state, flags });
  });

  test('the hold is explained, and ends with a first seen open', () => {
    const held = run(blind, 130);
    expect(describeReasons(held.reasons)).toContain('opens cannot be seen for this contact: kept at opened-no-reply on 10 Jul 2026');
    const seen = run((f) => [...blind(f), ...readMail(f, 129, 130)], 189);
    expect(seen).toMatchObject({ state: 'opened-no-reply', flags: [] });
    expect(run((f) => [...blind(f), ...readMail(f, 129, 130)], 190).state).toBe('inactive');
  });
});

describe('awaiting the first open and switching contact', () => {
  test.each<[number, boolean]>([
    [2, true],
    [3, false],
    [4, false],
  ])('first mail on day 0, now day %i: awaiting-first-open = %s', (nowDay, awaiting) => {
    expect(run(sentDay0, nowDay).flags.includes('awaiting-first-open')).toBe(awaiting);
  });

  test('not awaiting once the contact has ever answered', () => {
    expect(run((f) => [...openedDay0(f), f.sent(day(100))], 101).flags).toEqual([]);
  });

  test.each<[number, boolean]>([
    [179, false],
    [180, true],
    [181, true],
  ])('silent since the first mail, day %i: switch-contact = %s', (nowDay, flagged) => {
    const result = run(sentDay0, nowDay);
    expect(result.flags.includes('switch-contact')).toBe(flagged);
    expect(result.templateKey).toBe(flagged ? 'inactive.another-contact' : 'inactive.fresh-subject');
  });

  test('silence counts from the last own signal', () => {
    expect(run(openedDay0, 179).flags).toEqual([]);
    expect(run(openedDay0, 180).flags).toEqual(['switch-contact']);
  });
});

describe('cadence', () => {
  test.each<[string, Build, number, number]>([
    ['ordered: first follow-up 7 days after the order', (f) => [f.sent(day(-5)), f.order(day(0))], 1, 7],
    ['ordered: then 30 days after the last mail', (f) => [f.order(day(0)), f.sent(day(8))], 9, 38],
    ['ordered: a new order brings the 7-day thank-you back', (f) => [f.order(day(0)), f.sent(day(8)), f.order(day(20))], 21, 27],
    ['replied, interested: 3 days', repliedDay0, 1, 3],
    ['replied, later: 20 days', (f) => [...repliedDay0(f), f.intent(day(0) + HOUR, 'later')], 1, 20],
    ['replied, no need: 30 days', (f) => [...repliedDay0(f), f.intent(day(0) + HOUR, 'no-need')], 1, 30],
    ['the latest intent wins', (f) => [...repliedDay0(f), f.intent(day(0) + HOUR, 'no-need'), f.intent(day(1), 'later')], 2, 20],
    ['counted from the last mail when it is later', (f) => [...repliedDay0(f), f.sent(day(2))], 3, 5],
    ['counted from the state entry when that is later', repliedDay0, 61, 74],
    ['opened-no-reply: 14 days', (f) => [...openedDay0(f), f.sent(day(5))], 6, 19],
    ['inactive: 30 days', (f) => [...sentDay0(f), f.sent(day(100))], 101, 130],
    ['inactive, silent 6 months: 90 days', (f) => [...sentDay0(f), f.sent(day(200))], 201, 290],
  ])('%s', (_name, build, nowDay, dueDay) => {
    const due = run(build, nowDay).nextFollowUpAt!;
    expect((due - T0) / DAY).toBeCloseTo(dueDay, 5);
  });

  test('the later intent applies its own cadence', () => {
    const rules = policy.parse({ cadenceDays: { replied: { later: 15 } } });
    expect(run((f) => [...repliedDay0(f), f.intent(day(0) + HOUR, 'later')], 1, rules).nextFollowUpAt).toBe(day(15));
  });
});

describe('snooze', () => {
  test.each<[string, Build, number, number | null, number | null]>([
    ['moves the follow-up to the snooze end', (f) => [...repliedDay0(f), f.snooze(day(1), day(10))], 2, 10, 10],
    ['never earlier than the cadence', (f) => [...repliedDay0(f), f.snooze(day(1), day(2))], 1.5, 3, 2],
    ['is over once its day has passed', (f) => [...repliedDay0(f), f.snooze(day(1), day(2))], 2.5, 3, null],
    ['the latest snooze wins', (f) => [...repliedDay0(f), f.snooze(day(1), day(10)), f.snooze(day(2), day(5))], 3, 5, 5],
    ['a reply cancels it', (f) => [...repliedDay0(f), f.snooze(day(1), day(30)), f.reply(day(2))], 3, 3, null],
    ['an open does not', (f) => [...openedDay0(f), f.snooze(day(1), day(30)), ...readMail(f, 1, 2)], 3, 30, 30],
  ])('%s', (_name, build, nowDay, dueDay, snoozedUntil) => {
    const result = run(build, nowDay);
    expect(result.nextFollowUpAt).toBe(dueDay === null ? null : day(dueDay));
    expect(result.snoozedUntil).toBe(snoozedUntil === null ? null : day(snoozedUntil));
  });
});

describe('archive and unarchive', () => {
  test.each<[string, Build, number, Partial<Classification>]>([
    ['archived by the rep: never due', (f) => [...repliedDay0(f), f.archive(day(5))], 6, { state: 'archived', archivedBy: 'rep', since: day(5), nextFollowUpAt: null, templateKey: null }],
    ['unarchived: back where it was', (f) => [...repliedDay0(f), f.archive(day(5)), f.unarchive(day(6))], 7, { state: 'replied', archivedBy: null, since: day(0) }],
    ['time runs on underneath the archive', (f) => [...repliedDay0(f), f.archive(day(5)), f.unarchive(day(100))], 101, { state: 'opened-no-reply', since: day(60) }],
    ['an open does not lift the rep\u2019s archive', (f) => [...sentDay0(f), f.archive(day(5)), ...readMail(f, 5, 6)], 7, { state: 'archived', archivedBy: 'rep' }],
    ['but the contact moved up underneath', (f) => [...sentDay0(f), f.archive(day(5)), ...readMail(f, 5, 6), f.unarchive(day(7))], 8, { state: 'opened-no-reply', since: day(6) }],
    ['a reply lifts it', (f) => [...sentDay0(f), f.archive(day(5)), f.reply(day(6))], 7, { state: 'replied', archivedBy: null }],
    ['an order lifts it', (f) => [...repliedDay0(f), f.archive(day(5)), f.order(day(6))], 7, { state: 'ordered', archivedBy: null }],
    ['a zombie is archived by silence', sentDay0, 400, { state: 'archived', archivedBy: 'silence', since: day(365) }],
    ['any signal lifts a zombie', (f) => [...sentDay0(f), ...readMail(f, 399, 400)], 401, { state: 'opened-no-reply', since: day(400) }],
    ['sending to a zombie is not a signal', (f) => [...sentDay0(f), f.sent(day(400))], 401, { state: 'archived', archivedBy: 'silence' }],
    ['unarchiving a zombie restarts it as inactive', (f) => [...sentDay0(f), f.unarchive(day(400))], 401, { state: 'inactive', since: day(400), nextFollowUpAt: day(490) }],
    ['and it is archived again a year later', (f) => [...sentDay0(f), f.unarchive(day(400))], 765, { state: 'archived', since: day(765) }],
    ['unarchive without an archive changes nothing', (f) => [...repliedDay0(f), f.unarchive(day(1))], 2, { state: 'replied', reasons: [{ code: 'reply', at: day(0) }] }],
  ])('%s', (_name, build, nowDay, expected) => {
    expect(run(build, nowDay)).toMatchObject(expected);
  });

  test('the reasons say who archived', () => {
    expect(describeReasons(run((f) => [...repliedDay0(f), f.archive(day(5))], 6).reasons)).toBe(
      'replied 12 Mar 2026; archived by you on 17 Mar 2026',
    );
    expect(describeReasons(run(sentDay0, 400).reasons)).toBe(
      'first tracked mail sent 12 Mar 2026; no signal at all for 365 days: archived on 12 Mar 2027',
    );
  });
});

describe('messy logs', () => {
  const story: Build = (f) => {
    const first = f.sent(day(0));
    const second = f.sent(day(20));
    return [
      first,
      f.open(day(1), first, { verdict: { kind: 'apple-prefetch', reason: 'apple-mpp-user-agent' } }),
      f.open(day(2), first),
      second,
      f.reply(day(21)),
      f.intent(day(21) + HOUR, 'later'),
      f.note(day(22)),
    ];
  };

  test('order does not matter', () => {
    const events = story(eventFactory());
    const reference = classify(events, DEFAULT_POLICY, day(50));
    expect(classify([...events].reverse(), DEFAULT_POLICY, day(50))).toEqual(reference);
    expect(classify([events[4]!, events[0]!, events[6]!, events[2]!, events[5]!, events[1]!, events[3]!], DEFAULT_POLICY, day(50))).toEqual(reference);
  });

  test('copies of an event count once', () => {
    const events = story(eventFactory());
    const reference = classify(events, DEFAULT_POLICY, day(50));
    expect(classify([...events, ...events, events[3]!], DEFAULT_POLICY, day(50))).toEqual(reference);
  });

  test('a duplicated mail does not move the template along', () => {
    const f = eventFactory();
    const events = repliedDay0(f);
    const mail = f.sent(day(1));
    const once = classify([...events, mail], DEFAULT_POLICY, day(2));
    expect(classify([...events, mail, mail], DEFAULT_POLICY, day(2)).templateKey).toBe(once.templateKey);
    expect(once.templateKey).toBe('replied.interested.specifications');
  });

  test('events dated in the future have not happened yet', () => {
    const f = eventFactory();
    const past = sentDay0(f);
    const now = day(5);
    const result = classify([...past, f.reply(now + HOUR), f.sent(now + 2 * HOUR)], DEFAULT_POLICY, now);
    expect(result).toMatchObject({ state: 'inactive', lastSentAt: day(0), lastSignalAt: null });
    expect(result.reasons.at(-1)).toEqual({ code: 'future-events', at: now + HOUR, count: 2 });
    expect(describeReasons(result.reasons)).toContain('2 events are dated after now (from 17 Mar 2026): not counted yet');
    // ...and count as soon as their time has come.
    expect(classify([...past, f.reply(now + HOUR)], DEFAULT_POLICY, now + HOUR).state).toBe('replied');
  });

  test('a contact whose only event lies in the future has nothing yet, and says why', () => {
    const f = eventFactory();
    const result = classify([f.reply(day(1))], DEFAULT_POLICY, day(0));
    expect(result).toMatchObject({ state: 'inactive', since: null, nextFollowUpAt: null });
    expect(describeReasons(result.reasons)).toBe(
      'nothing recorded for this address yet; 1 event is dated after now (from 13 Mar 2026): not counted yet',
    );
  });

  test('events of two contacts are refused loudly rather than mixed', () => {
    const f = eventFactory();
    expect(() => classify([f.reply(day(0), 'a@example.com'), f.reply(day(1), 'b@example.com')], DEFAULT_POLICY, day(2))).toThrow(
      "one contact's events",
    );
  });
});

describe('templates proposed', () => {
  test.each<[string, Build, number, string]>([
    ['thanks after an order', orderedDay0, 1, 'ordered.thanks-feedback'],
    ['then new products', (f) => [...orderedDay0(f), f.sent(day(7))], 8, 'ordered.new-products'],
    ['then a price notice', (f) => [...orderedDay0(f), f.sent(day(7)), f.sent(day(37))], 38, 'ordered.price-notice'],
    ['interested: a quotation first', repliedDay0, 1, 'replied.interested.quotation'],
    ['later: hot sellers first', (f) => [...repliedDay0(f), f.intent(day(0) + HOUR, 'later')], 1, 'replied.later.hot-sellers'],
    ['no need: new products first', (f) => [...repliedDay0(f), f.intent(day(0) + HOUR, 'no-need')], 1, 'replied.no-need.new-products'],
    ['opened: knowledge, not selling', openedDay0, 1, 'opened-no-reply.industry-knowledge'],
    ['opened at Christmas: greetings', (f) => [...openedDay0(f).map((e) => ({ ...e, at: e.at + 280 * DAY }))], 281, 'opened-no-reply.holiday-greetings'],
    ['inactive: a fresh subject line', sentDay0, 10, 'inactive.fresh-subject'],
  ])('%s', (_name, build, nowDay, key) => {
    expect(run(build, nowDay).templateKey).toBe(key);
  });
});
