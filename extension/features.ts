// Every content-script feature, in start order. Each is one user-visible behaviour in its own
// file; none imports another.
import { correspondentSidebar } from './features/correspondent-sidebar.tsx';
import type { Feature } from './features/feature.ts';
import { replyDetection } from './features/reply-detection.ts';
import { selfView } from './features/self-view.ts';
import { trackSentMail } from './features/track-sent-mail.ts';

export const FEATURES: readonly Feature[] = [selfView, trackSentMail, replyDetection, correspondentSidebar];
