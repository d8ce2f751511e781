// The four follow-up states of a correspondent (PRODUCT.md), plus archived for the zombies and the
// contacts a rep put away. Listed best first: the daily list and the funnel show them in this order.
// Plain constants, no zod: the content script's daily list and funnel import them.

export const LIVE_STATES = ['ordered', 'replied', 'opened-no-reply', 'inactive'] as const;
export type LiveState = (typeof LIVE_STATES)[number];

export const CONTACT_STATES = [...LIVE_STATES, 'archived'] as const;
export type ContactState = (typeof CONTACT_STATES)[number];
