// The default follow-up templates: what seed 004 says to send in each state and for each reply
// intent, written as short, plain export-trade mail. Reps edit them in settings (the schema of a
// template is emailTemplate in schema.ts); keys stay stable because classify proposes templates by
// key. No zod here: the content script's sidebar and daily list read these.
import type { EmailTemplate } from './schema.ts';

/** Every placeholder the default templates use, with what the rep should put there. */
export const PLACEHOLDERS = {
  firstName: { en: "contact's first name", zh: '联系人名字' },
  company: { en: "contact's company", zh: '客户公司名' },
  product: { en: 'the product you discuss', zh: '所谈产品' },
  newProduct: { en: 'the new product', zh: '新品名称' },
  senderName: { en: 'your name', zh: '你的名字' },
  senderCompany: { en: 'your company', zh: '你的公司名' },
  effectiveDate: { en: 'date the new price applies', zh: '新价格生效日期' },
  paymentTerms: { en: 'payment terms you offer', zh: '可接受的付款方式' },
  certificates: { en: 'certificates you hold', zh: '持有的认证' },
  tradeShow: { en: 'trade-show name', zh: '展会名称' },
  showDates: { en: 'trade-show dates', zh: '展会日期' },
  booth: { en: 'booth number', zh: '展位号' },
  topic: { en: 'topic of the guide', zh: '知识分享的主题' },
  holiday: { en: 'the holiday', zh: '节日名称' },
} as const;
export type Placeholder = keyof typeof PLACEHOLDERS;

const SIGN_OFF = 'Best regards,\n{{senderName}}\n{{senderCompany}}';
const mail = (...paragraphs: string[]) => [...paragraphs, SIGN_OFF].join('\n\n');

export const DEFAULT_TEMPLATES = [
  // ordered: thank first, then keep them informed (seed 004, first category)
  {
    key: 'ordered.thanks-feedback',
    state: 'ordered',
    label: { en: 'Thanks and after-sales check', zh: '感谢下单 · 售后回访' },
    why: {
      en: 'First follow-up after an order: thank them and ask how the goods arrived; good after-sales care brings the repeat order.',
      zh: '下单后的第一次跟进:先致谢,再问收货和使用情况;售后做好了才有返单。',
    },
    subject: 'Thank you for your order, {{firstName}}',
    body: mail(
      'Dear {{firstName}},',
      'Thank you again for your order of {{product}}. We appreciate the trust {{company}} has placed in us.',
      'The goods should have reached you by now. Did everything arrive in good condition, and how are the first units working for you? If anything is not as expected, whether packing, labels, documents or the product itself, tell me and I will put it right.',
      'Your feedback helps us make the next order even smoother.',
    ),
  },
  {
    key: 'ordered.sample-feedback',
    state: 'ordered',
    label: { en: 'Sample feedback', zh: '样品反馈' },
    why: {
      en: 'They took a sample: ask how the test went and what would make the first bulk order easy.',
      zh: '客户拿了样品:问问测试结果,以及下大货前还需要什么。',
    },
    subject: 'How did the {{product}} sample test go?',
    body: mail(
      'Dear {{firstName}},',
      'I hope the {{product}} sample reached you safely. Have you had a chance to test it yet?',
      "I would be glad to hear your team's comments on quality, finish and packing. If anything should be adapted for your market, we can change it before mass production.",
      'When you are ready, I will send a formal quotation with the lead time for your first order.',
    ),
  },
  {
    key: 'ordered.new-products',
    state: 'ordered',
    label: { en: 'New products for a customer', zh: '老客户新品推荐' },
    why: {
      en: 'Keep a customer who already buys from you up to date: a new item they can add to the next order.',
      zh: '让老客户了解新品,下次订单可以一起采购。',
    },
    subject: 'New from {{senderCompany}}: {{newProduct}}',
    body: mail(
      'Dear {{firstName}},',
      'I hope business is going well at {{company}}.',
      'We have just launched {{newProduct}}. It sits well next to the {{product}} you already buy from us, and it can ship with your next order to save on freight.',
      'Shall I send you the specification sheet, photos and prices?',
    ),
  },
  {
    key: 'ordered.price-notice',
    state: 'ordered',
    label: { en: 'Price change notice', zh: '行业价格变动通知' },
    why: {
      en: 'Warn customers early when industry prices move: it helps them plan, and an order before the change keeps the current price.',
      zh: '行业价格变动提前告知客户:方便他安排采购,变动前下单可以锁定现价。',
    },
    subject: 'Advance notice: {{product}} prices change on {{effectiveDate}}',
    body: mail(
      'Dear {{firstName}},',
      'I want to give {{company}} early notice: raw material and freight costs across our industry have moved, so our prices for {{product}} will change from {{effectiveDate}}.',
      'Orders confirmed before that date keep the current prices. If you are planning your next purchase, send me the quantities and I will hold the current price for you.',
    ),
  },

  // replied, interested: push towards the order (seed 004, second category)
  {
    key: 'replied.interested.quotation',
    state: 'replied',
    intent: 'interested',
    label: { en: 'Quotation', zh: '报价' },
    why: {
      en: 'They showed interest: strike while the iron is hot with a clear quotation.',
      zh: '客户表现出兴趣:趁热打铁,发一份清晰的报价。',
    },
    subject: 'Quotation for {{product}}, {{company}}',
    body: mail(
      'Dear {{firstName}},',
      'Thank you for your interest in our {{product}}. Our quotation is attached, with unit prices, minimum order quantity, lead time and shipping terms.',
      'If your quantity or destination port is different, tell me and I will update the figures the same day.',
    ),
  },
  {
    key: 'replied.interested.specifications',
    state: 'replied',
    intent: 'interested',
    label: { en: 'Specifications', zh: '产品参数' },
    why: {
      en: 'Give them the technical details they need to compare and decide.',
      zh: '提供详细的产品参数,方便客户对比和决策。',
    },
    subject: '{{product}}: full specifications',
    body: mail(
      'Dear {{firstName}},',
      'As promised, the full specifications of {{product}} are attached: materials, dimensions, tolerances and packing details.',
      'If your market needs a particular standard or a custom specification, let me know and our engineers will confirm what we can do.',
    ),
  },
  {
    key: 'replied.interested.payment-terms',
    state: 'replied',
    intent: 'interested',
    label: { en: 'Payment terms', zh: '付款方式' },
    why: {
      en: 'Settle how they would pay: one of the last questions before an order.',
      zh: '谈妥付款方式,这是下单前的最后几步之一。',
    },
    subject: 'Payment terms for your {{product}} order',
    body: mail(
      'Dear {{firstName}},',
      'To make a first order with us simple for {{company}}, these are the payment terms we usually work with: {{paymentTerms}}.',
      'If your company works with different terms, tell me what you need and I will check with our finance team.',
    ),
  },
  {
    key: 'replied.interested.free-sample',
    state: 'replied',
    intent: 'interested',
    label: { en: 'Free sample offer', zh: '免费样品' },
    why: {
      en: 'Let them judge the quality themselves: a free sample takes the risk out of a first order.',
      zh: '让客户亲自评估质量:免费样品降低首单风险。',
    },
    subject: 'A free {{product}} sample for {{company}}',
    body: mail(
      'Dear {{firstName}},',
      'If you want to evaluate the quality of our {{product}}, we can provide a free sample.',
      'Just confirm the delivery address and a contact phone number, and I will arrange the shipment this week.',
    ),
  },
  {
    key: 'replied.interested.certificates',
    state: 'replied',
    intent: 'interested',
    label: { en: 'Certificates and licences', zh: '资质证书' },
    why: {
      en: 'Build trust before a first deal: show your business licence and product certificates.',
      zh: '首次合作前建立信任:发送营业执照和产品认证。',
    },
    subject: 'Our certificates and company documents',
    body: mail(
      'Dear {{firstName}},',
      'Before working together, it is natural to want to know who you are dealing with. Attached are our business licence and our {{certificates}} certificates for {{product}}.',
      'If your customs or your customers need any other document, tell me and I will send it.',
    ),
  },
  {
    key: 'replied.interested.trade-show',
    state: 'replied',
    intent: 'interested',
    label: { en: 'Trade-show invitation', zh: '展会邀请' },
    why: {
      en: 'Meeting in person builds the trust a first order needs: invite them to your booth.',
      zh: '见面最能建立首单所需的信任:邀请客户来展位。',
    },
    subject: 'Meet us at {{tradeShow}}, booth {{booth}}',
    body: mail(
      'Dear {{firstName}},',
      'We will exhibit at {{tradeShow}} on {{showDates}}, booth {{booth}}. It would be a pleasure to meet you, show you the {{product}} range and talk through your requirements.',
      'Tell me which day suits you and I will keep time free for you.',
    ),
  },

  // replied, later: create the need (seed 004: hot sellers, price rises, shows; every 15-30 days)
  {
    key: 'replied.later.hot-sellers',
    state: 'replied',
    intent: 'later',
    label: { en: 'Hot sellers', zh: '热卖产品' },
    why: {
      en: 'They will buy "when they need it": show what sells well now to help the need appear.',
      zh: '客户说“有需要再联系”:推荐热卖款,帮他形成需求。',
    },
    subject: 'What importers are reordering this season',
    body: mail(
      'Dear {{firstName}},',
      'I know {{company}} is not buying at the moment, so just a short update: {{product}} is one of our best sellers this season, and several importers have already reordered.',
      'If it helps your planning, I can send the sales details and photos. No need to reply unless it is useful.',
    ),
  },
  {
    key: 'replied.later.price-rise',
    state: 'replied',
    intent: 'later',
    label: { en: 'Upcoming price rise', zh: '涨价预告' },
    why: {
      en: 'A price rise ahead gives them a reason to buy sooner rather than later.',
      zh: '即将涨价,给客户一个提前采购的理由。',
    },
    subject: '{{product}} prices rise on {{effectiveDate}}',
    body: mail(
      'Dear {{firstName}},',
      'A quick heads-up: prices for {{product}} will rise from {{effectiveDate}}.',
      'If {{company}} expects to need stock in the coming months, an order confirmed before that date keeps the current price. I am happy to prepare a quotation now so you can compare.',
    ),
  },
  {
    key: 'replied.later.trade-show',
    state: 'replied',
    intent: 'later',
    label: { en: 'Trade-show invitation', zh: '展会邀请' },
    why: {
      en: 'A trade show is an easy, no-pressure reason to get back in touch.',
      zh: '展会是自然、没有压力的再联系理由。',
    },
    subject: 'Invitation: {{tradeShow}}, booth {{booth}}',
    body: mail(
      'Dear {{firstName}},',
      'We will be at {{tradeShow}} on {{showDates}}, booth {{booth}}, with our latest {{product}} range.',
      'Even if {{company}} is not buying right now, it would be good to meet and hear what your market needs next. Shall I reserve a time for you?',
    ),
  },

  // replied, no need: do not push what they already buy; lead with new products
  {
    key: 'replied.no-need.new-products',
    state: 'replied',
    intent: 'no-need',
    label: { en: 'New products', zh: '新品推荐' },
    why: {
      en: 'They are happy with their supplier: do not push what they already buy, lead with something new.',
      zh: '客户对现有供应商满意:别推他已经在买的,从新品切入。',
    },
    subject: 'Something new: {{newProduct}}',
    body: mail(
      'Dear {{firstName}},',
      'I understand {{company}} is well served for your current range, so I will not offer you the same products again.',
      'We have just launched {{newProduct}}, which many importers do not yet carry. If it could round out your range, I will gladly send details and prices.',
    ),
  },
  {
    key: 'replied.no-need.new-development',
    state: 'replied',
    intent: 'no-need',
    label: { en: 'New or custom development', zh: '新品开发 / 定制' },
    why: {
      en: 'Offer what their current supplier may not: developing a new or custom item for them.',
      zh: '提供现有供应商可能做不到的:为客户开发新品或定制款。',
    },
    subject: 'Could we develop something new for {{company}}?',
    body: mail(
      'Dear {{firstName}},',
      'Many of our customers came to us not for standard items but for something their usual supplier could not make: a new design, a private label or a custom size.',
      'If {{company}} has an idea like that for {{product}} or beyond, send me a sketch or a photo and our team will tell you what is possible.',
    ),
  },

  // opened, no reply: no hard selling; useful content with a clear call to action
  {
    key: 'opened-no-reply.industry-knowledge',
    state: 'opened-no-reply',
    label: { en: 'Industry knowledge', zh: '行业知识分享' },
    why: {
      en: 'They read but do not answer: share something useful instead of selling, and end with a clear call to action.',
      zh: '客户看了不回:别硬推销,分享有用的知识,结尾给出明确的行动号召。',
    },
    subject: '{{topic}}: a short guide for buyers',
    body: mail(
      'Dear {{firstName}},',
      'Buyers often ask us about {{topic}}, so we wrote a short guide with the points we check on every shipment. It is attached; feel free to share it with your team.',
      'Do let us know if you are interested to know more about our client testimonials, service methodology and products.',
    ),
  },
  {
    key: 'opened-no-reply.market-news',
    state: 'opened-no-reply',
    label: { en: 'Market news', zh: '市场动态' },
    why: {
      en: 'Useful news about their market keeps you in mind without a sales pitch.',
      zh: '分享市场动态,不推销也能让客户记住你。',
    },
    subject: '{{product}} market update',
    body: mail(
      'Dear {{firstName}},',
      'A short update from the supply side of the {{product}} market: raw material prices, factory capacity ahead of the holidays and current freight rates can all affect your next order timing.',
      'If a short monthly summary like this would be useful to {{company}}, just reply "yes" and I will add you.',
    ),
  },
  {
    key: 'opened-no-reply.client-references',
    state: 'opened-no-reply',
    label: { en: 'Client references', zh: '客户案例' },
    why: {
      en: 'A clear, low-effort call to action: offer references from clients like them.',
      zh: '低门槛的行动号召:提供同类客户的案例和评价。',
    },
    subject: 'How importers like {{company}} work with us',
    body: mail(
      'Dear {{firstName}},',
      'We supply {{product}} to importers and distributors in many markets, and several of them are happy to share how the cooperation works for them.',
      'Do let us know if you are interested to know more about our client testimonials, service methodology and products, and I will send you the references closest to your business.',
    ),
  },
  {
    key: 'opened-no-reply.holiday-greetings',
    state: 'opened-no-reply',
    label: { en: 'Holiday greetings', zh: '节日问候' },
    why: {
      en: 'A holiday greeting keeps the relationship warm with no sales pressure.',
      zh: '节日问候:保持联系,没有推销压力。',
    },
    subject: 'Warm wishes for {{holiday}}, {{firstName}}',
    body: mail(
      'Dear {{firstName}},',
      'On behalf of everyone at {{senderCompany}}, warm wishes to you and the team at {{company}} for {{holiday}}.',
      'Thank you for reading our news this year. We look forward to being of use to you in the year ahead.',
    ),
  },

  // inactive: write less often, change the subject line, then change the mailbox or the person
  {
    key: 'inactive.introduction',
    state: 'inactive',
    label: { en: 'First introduction', zh: '首次开发信' },
    why: {
      en: 'No tracked mail yet: introduce yourself in a few lines and ask one easy question.',
      zh: '还没发过跟踪邮件:几句话介绍自己,只问一个简单的问题。',
    },
    subject: '{{product}} supplier for {{company}}',
    body: mail(
      'Dear {{firstName}},',
      'I am {{senderName}} from {{senderCompany}}. We make {{product}} and export to importers and distributors in many markets.',
      'Is {{product}} something {{company}} buys? If so, I would be glad to send our catalogue and prices.',
    ),
  },
  {
    key: 'inactive.fresh-subject',
    state: 'inactive',
    label: { en: 'Fresh subject line', zh: '换标题重新联系' },
    why: {
      en: 'They do not open your mail: a new, specific subject line gives the next one a chance.',
      zh: '客户不打开邮件:换一个具体的新标题,让下一封有机会被打开。',
    },
    subject: '{{firstName}}, a quick question about {{product}}',
    body: mail(
      'Dear {{firstName}},',
      'One quick question: is {{product}} still on your purchasing list at {{company}}?',
      'A one-word answer is enough. If it is, I will send you our current prices; if not, I will stop writing about it.',
    ),
  },
  {
    key: 'inactive.new-angle',
    state: 'inactive',
    label: { en: 'New angle', zh: '换角度重新联系' },
    why: {
      en: 'Same contact, different door: lead with a new product instead of the old offer.',
      zh: '同一个客户,换一个切入点:用新品代替老报价。',
    },
    subject: 'New for {{company}}: {{newProduct}}',
    body: mail(
      'Dear {{firstName}},',
      'We have just added {{newProduct}} to our range, and I thought of {{company}}.',
      'If you would like the details, reply to this mail and I will send photos, specifications and prices.',
    ),
  },
  {
    key: 'inactive.another-contact',
    state: 'inactive',
    label: { en: 'Ask for the right person', zh: '询问对接人' },
    why: {
      en: 'Silent for six months: this address may be unused or the wrong one. Ask who handles purchasing now, or write from another mailbox.',
      zh: '已沉默半年:这个邮箱可能已不用或不对口。问问现在谁负责采购,或换一个邮箱发送。',
    },
    subject: 'Who handles {{product}} purchasing at {{company}}?',
    body: mail(
      'Dear {{firstName}},',
      'I have written to you a few times about {{product}} without an answer, so perhaps this is no longer your area.',
      'Could you tell me who handles purchasing for {{product}} at {{company}} now? I will gladly write to them instead.',
    ),
  },
] as const satisfies readonly EmailTemplate[];

export type TemplateKey = (typeof DEFAULT_TEMPLATES)[number]['key'];

const BY_KEY = new Map<string, EmailTemplate>(DEFAULT_TEMPLATES.map((template) => [template.key, template]));

export function defaultTemplate(key: TemplateKey): EmailTemplate {
  const template = BY_KEY.get(key);
  if (template === undefined) throw new Error(`no default template "${key}"`);
  return template;
}
