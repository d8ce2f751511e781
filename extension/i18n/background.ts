import { dictionary } from './translate.ts';

export const backgroundStrings = dictionary(
  {
    openedTitle: 'Opened: {contact}',
    openedBody: '"{subject}" was just opened.',
    openedSharedBody: 'Someone on "{subject}" just opened it.',
    replyTitle: 'Reply from {contact}',
    replyBody: 'A new reply arrived. Tidewise moved them to "replied".',
    summaryTitle: 'Tidewise: new activity',
    summaryBody: '{opens} tracked mails opened, {replies} new replies. Open Tidewise to see who.',
  },
  {
    openedTitle: '已打开:{contact}',
    openedBody: '「{subject}」刚刚被打开。',
    openedSharedBody: '「{subject}」的收件人中有人刚刚打开了邮件。',
    replyTitle: '{contact} 回复了',
    replyBody: '收到新回复,Tidewise 已将其标为「已回复」。',
    summaryTitle: 'Tidewise:有新动态',
    summaryBody: '{opens} 封跟踪邮件被打开,{replies} 条新回复。打开 Tidewise 查看详情。',
  },
);
