import { describe, expect, test } from 'vitest';
import { describeFlag, describeReasons, describeStep, type ContactFlag, type ReasonStep } from '../../shared/reasons.ts';
import { flagText, formatDayZh, reasonsText, stepText } from './reason-text.ts';

const at = Date.UTC(2026, 2, 12, 23, 59);
const FLAGS: ContactFlag[] = ['untrackable', 'shared-open-only', 'awaiting-first-open', 'switch-contact'];

// One row per step shape, the same cases as shared/reasons.test.ts.
const STEPS: Array<[ReasonStep, string]> = [
  [{ code: 'no-events' }, '这个地址还没有任何记录'],
  [{ code: 'not-written-yet', at }, '2026年3月12日添加;还没发过跟踪邮件'],
  [{ code: 'first-mail', at }, '2026年3月12日发出第一封跟踪邮件'],
  [{ code: 'order', at, kind: 'sample' }, '2026年3月12日登记了样品单'],
  [{ code: 'order', at, kind: 'order' }, '2026年3月12日登记了订单'],
  [{ code: 'reply', at }, '2026年3月12日回复了邮件'],
  [{ code: 'open', at }, '2026年3月12日打开了跟踪邮件'],
  [{ code: 'downgraded', at, from: 'ordered', to: 'replied', silentDays: 180 }, '连续 180 天没有下单或回复:2026年3月12日降为“已回复”'],
  [{ code: 'downgraded', at, from: 'replied', to: 'opened-no-reply', silentDays: 60 }, '连续 60 天没有回复:2026年3月12日降为“已读未回”'],
  [{ code: 'downgraded', at, from: 'opened-no-reply', to: 'inactive', silentDays: 60 }, '连续 60 天没有真人打开:2026年3月12日降为“不活跃”'],
  [{ code: 'downgraded', at, from: 'inactive', to: 'archived', silentDays: 365 }, '连续 365 天没有任何动静:2026年3月12日归档'],
  [{ code: 'downgraded', at, from: 'opened-no-reply', to: 'archived', silentDays: 365 }, '连续 365 天没有任何动静:2026年3月12日归档'],
  [
    { code: 'kept-untrackable', at, silentDays: 60 },
    '连续 60 天没有真人打开,但这个联系人的打开无法追踪:2026年3月12日仍保持为“已读未回”',
  ],
  [{ code: 'archived-by-rep', at }, '2026年3月12日由你归档'],
  [{ code: 'unarchived', at }, '2026年3月12日取消归档'],
  [{ code: 'future-events', at, count: 2 }, '2 个事件的时间晚于现在(最早为2026年3月12日):暂不计入'],
];

describe('reasons in Simplified Chinese', () => {
  test.each(STEPS)('%j', (step, text) => {
    expect(stepText(step, 'zh')).toBe(text);
  });

  test('a chain is one line joined with a Chinese semicolon', () => {
    expect(reasonsText([{ code: 'reply', at }, { code: 'archived-by-rep', at: at + 86_400_000 }], 'zh')).toBe(
      '2026年3月12日回复了邮件;2026年3月13日由你归档',
    );
  });

  test('days are UTC days, like the English', () => {
    expect(formatDayZh(Date.UTC(2026, 0, 1, 0, 0))).toBe('2026年1月1日');
    expect(formatDayZh(Date.UTC(2025, 11, 31, 23, 59, 59, 999))).toBe('2025年12月31日');
  });

  test.each(FLAGS)('the %s flag is explained without English', (flag) => {
    expect(flagText(flag, 'zh').length).toBeGreaterThan(10);
    expect(flagText(flag, 'zh')).not.toMatch(/[A-Za-z]/);
  });

  test('no step leaves a Latin letter behind', () => {
    for (const [step] of STEPS) expect(stepText(step, 'zh')).not.toMatch(/[A-Za-z]/);
  });
});

describe('English is shared/reasons.ts, unchanged', () => {
  test.each(STEPS.map(([step]) => step))('%j', (step) => {
    expect(stepText(step, 'en')).toBe(describeStep(step));
  });

  test('the chain and the flags', () => {
    const steps = STEPS.map(([step]) => step);
    expect(reasonsText(steps, 'en')).toBe(describeReasons(steps));
    for (const flag of FLAGS) expect(flagText(flag, 'en')).toBe(describeFlag(flag));
  });
});
