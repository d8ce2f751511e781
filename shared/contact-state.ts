// The four follow-up states of a correspondent (PRODUCT.md), plus archived for the zombies and the
// contacts a rep put away. Listed best first: the daily list and the funnel show them in this order.
import { z } from 'zod';

export const LIVE_STATES = ['ordered', 'replied', 'opened-no-reply', 'inactive'] as const;
export type LiveState = (typeof LIVE_STATES)[number];

export const contactState = z.enum([...LIVE_STATES, 'archived']);
export type ContactState = z.infer<typeof contactState>;
export const CONTACT_STATES: readonly ContactState[] = contactState.options;
