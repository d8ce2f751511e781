// Every string of the daily list, the funnel, the state badge, the sync line and the popup around
// them. The sidebar shows the same components, so it reads the same dictionary.
import { dictionary } from './translate.ts';

export const popupText = dictionary(
  {
    'state.ordered': 'Ordered',
    'state.replied': 'Replied',
    'state.opened-no-reply': 'Opened, no reply',
    'state.inactive': 'Inactive',
    'state.archived': 'Archived',

    'intent.interested': 'Interested',
    'intent.later': 'Will buy later',
    'intent.no-need': 'No need now',

    'list.heading': 'Follow-ups due',
    'list.group': '{state}: {n} due',
    'row.dueToday': 'Due today',
    'row.overdueOne': '1 day overdue',
    'row.overdueMany': '{n} days overdue',
    'row.why': 'Why',
    'row.note': 'Note',
    'row.intent': 'Intent',
    'row.template': 'Template',
    'row.openThread': 'Open thread',
    'row.openThreadWith': 'Open thread with {name}',

    'empty.title': 'Nothing is due today',
    'empty.body':
      'Every contact is on schedule. A good moment to write to new buyers or answer today\u2019s mail; follow-ups appear here on the day they fall due.',
    'empty.noContactsTitle': 'No contacts yet',
    'empty.noContactsBody':
      'Send a tracked mail from Gmail or Outlook, or import your customer list (CSV) in the settings. Contacts appear here on the day a follow-up falls due.',
    'empty.openSettings': 'Open settings',

    'funnel.heading': 'Contacts by state',
    'funnel.archivedNote': '(put away, or silent for a year)',
    'funnel.total': '{n} contacts in all',

    'sync.allSynced': 'Everything is synced',
    'sync.unsyncedOne': '1 change not synced yet',
    'sync.unsyncedMany': '{n} changes not synced yet',
    'sync.conflicts': '{n} refused as conflicts',
    'sync.never': 'Never synced',
    'sync.justNow': 'Synced just now',
    'sync.minutes': 'Synced {n} min ago',
    'sync.hours': 'Synced {n} h ago',
    'sync.on': 'Last synced {day}',
    'sync.now': 'Sync now',
    'sync.syncing': 'Syncing\u2026',
    'sync.failed': 'Last sync failed:',
    'sync.failedBecause': 'Last sync failed: {reason}',
    'error.unreachable': 'cannot reach the server. Check the backend address in the settings and your connection.',
    'error.unauthorized': 'the account token was refused. Enter a valid token in the settings.',
    'error.not-tidewise': 'the backend address does not point to a Tidewise server.',
    'error.rejected': 'the server refused some changes.',
    'error.conflict': 'some changes conflict with what the server holds.',
    'error.rate-limited': 'too many requests. Tidewise retries shortly.',
    'error.server': 'the server had an error. Tidewise retries shortly.',

    'popup.loading': 'Loading\u2026',
    'popup.loadFailed': 'Could not load the list:',
    'popup.syncFailed': 'Could not sync:',
    'popup.retry': 'Try again',
    'popup.settings': 'Settings',
  },
  {
    'state.ordered': '已下单',
    'state.replied': '已回复',
    'state.opened-no-reply': '已读未回',
    'state.inactive': '不活跃',
    'state.archived': '已归档',

    'intent.interested': '有兴趣',
    'intent.later': '以后有需要再联系',
    'intent.no-need': '暂无需求',

    'list.heading': '今日待跟进',
    'list.group': '{state}:{n} 个待跟进',
    'row.dueToday': '今天到期',
    'row.overdueOne': '逾期 1 天',
    'row.overdueMany': '逾期 {n} 天',
    'row.why': '原因',
    'row.note': '提示',
    'row.intent': '意向',
    'row.template': '建议模板',
    'row.openThread': '打开邮件',
    'row.openThreadWith': '打开邮件(与 {name} 的往来)',

    'empty.title': '今天没有需要跟进的客户',
    'empty.body': '所有客户都在按计划跟进。正好可以开发新客户或回复今天的邮件;跟进到期当天,客户会出现在这里。',
    'empty.noContactsTitle': '还没有联系人',
    'empty.noContactsBody': '在 Gmail 或 Outlook 中发送一封带跟踪的邮件,或在设置中导入客户名单(CSV)。跟进到期当天,客户会出现在这里。',
    'empty.openSettings': '打开设置',

    'funnel.heading': '各状态客户数',
    'funnel.archivedNote': '(手动归档或沉默满一年)',
    'funnel.total': '共 {n} 个客户',

    'sync.allSynced': '所有记录均已同步',
    'sync.unsyncedOne': '1 条记录尚未同步',
    'sync.unsyncedMany': '{n} 条记录尚未同步',
    'sync.conflicts': '{n} 条因冲突被拒绝',
    'sync.never': '尚未同步过',
    'sync.justNow': '刚刚已同步',
    'sync.minutes': '{n} 分钟前已同步',
    'sync.hours': '{n} 小时前已同步',
    'sync.on': '上次同步:{day}',
    'sync.now': '立即同步',
    'sync.syncing': '正在同步…',
    'sync.failed': '上次同步失败:',
    'sync.failedBecause': '上次同步失败:{reason}',
    'error.unreachable': '无法连接服务器。请检查设置中的后端地址和网络连接。',
    'error.unauthorized': '账户令牌被拒绝。请在设置中填写有效的令牌。',
    'error.not-tidewise': '后端地址指向的不是 Tidewise 服务器。',
    'error.rejected': '服务器拒绝了部分记录。',
    'error.conflict': '部分记录与服务器上的数据冲突。',
    'error.rate-limited': '请求过于频繁,稍后会自动重试。',
    'error.server': '服务器出错,稍后会自动重试。',

    'popup.loading': '加载中…',
    'popup.loadFailed': '无法加载列表:',
    'popup.syncFailed': '同步失败:',
    'popup.retry': '重试',
    'popup.settings': '设置',
  },
);

export type PopupKey = keyof typeof popupText.en;

/** The HTML lang of a screen in this language, so fonts and screen readers pick the right one. */
export function langAttribute(language: 'en' | 'zh'): string {
  return language === 'zh' ? 'zh-CN' : 'en';
}
