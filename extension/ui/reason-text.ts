// Why a contact is where it is, in the rep's language. classify records structured steps;
// shared/reasons.ts owns the English, and this file mirrors it step for step in Simplified Chinese
// so a Chinese screen never falls back to an English sentence.
import type { LiveState } from '../../shared/contact-state.ts';
import { describeFlag, describeStep, type ContactFlag, type ReasonStep } from '../../shared/reasons.ts';
import { popupText } from '../i18n/popup.ts';
import { translator } from '../i18n/translate.ts';
import type { Language } from '../settings.ts';

const zhText = translator(popupText, 'zh');

/** "2026年3月12日", in UTC like the English formatDay, so both languages name the same day. */
export function formatDayZh(at: number): string {
  const date = new Date(at);
  return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
}

// The signal whose absence pushed the contact down (see MISSING in shared/reasons.ts).
const MISSING_ZH: Record<LiveState | 'archived', string> = {
  ordered: '没有下单或回复',
  replied: '没有回复',
  'opened-no-reply': '没有真人打开',
  inactive: '没有任何动静',
  archived: '没有任何动静',
};

const quoted = (state: LiveState) => `“${zhText(`state.${state}`)}”`;

export function describeStepZh(step: ReasonStep): string {
  switch (step.code) {
    case 'no-events':
      return '这个地址还没有任何记录';
    case 'not-written-yet':
      return `${formatDayZh(step.at)}添加;还没发过跟踪邮件`;
    case 'first-mail':
      return `${formatDayZh(step.at)}发出第一封跟踪邮件`;
    case 'order':
      return `${formatDayZh(step.at)}登记了${step.kind === 'sample' ? '样品单' : '订单'}`;
    case 'reply':
      return `${formatDayZh(step.at)}回复了邮件`;
    case 'open':
      return `${formatDayZh(step.at)}打开了跟踪邮件`;
    case 'downgraded': {
      const missing = MISSING_ZH[step.to === 'archived' ? 'archived' : step.from];
      const what = step.to === 'archived' ? '归档' : `降为${quoted(step.to)}`;
      return `连续 ${step.silentDays} 天${missing}:${formatDayZh(step.at)}${what}`;
    }
    case 'kept-untrackable':
      return `连续 ${step.silentDays} 天没有真人打开,但这个联系人的打开无法追踪:${formatDayZh(step.at)}仍保持为${quoted('opened-no-reply')}`;
    case 'archived-by-rep':
      return `${formatDayZh(step.at)}由你归档`;
    case 'unarchived':
      return `${formatDayZh(step.at)}取消归档`;
    case 'future-events':
      return `${step.count} 个事件的时间晚于现在(最早为${formatDayZh(step.at)}):暂不计入`;
  }
}

export function describeFlagZh(flag: ContactFlag): string {
  switch (flag) {
    case 'untrackable':
      return '有回复,但跟踪邮件从未记录到打开(可能屏蔽了图片):没有打开不算作这个联系人沉默';
    case 'shared-open-only':
      return '仅有的打开来自发给多个收件人的邮件:打开的可能是其他收件人,不一定是这个联系人';
    case 'awaiting-first-open':
      return '第一封邮件刚发出不久:现在判定为不活跃还太早';
    case 'switch-contact':
      return '已沉默数月:试试换一个发件邮箱,或联系这家公司的其他人';
  }
}

export function stepText(step: ReasonStep, language: Language): string {
  return language === 'zh' ? describeStepZh(step) : describeStep(step);
}

/** The chain as one line, oldest step first, joined the way each language joins clauses. */
export function reasonsText(steps: readonly ReasonStep[], language: Language): string {
  return steps.map((step) => stepText(step, language)).join(language === 'zh' ? ';' : '; ');
}

export function flagText(flag: ContactFlag, language: Language): string {
  return language === 'zh' ? describeFlagZh(flag) : describeFlag(flag);
}
