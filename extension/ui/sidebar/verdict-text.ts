// What a pixel hit was, in the rep's words: "via Gmail image proxy" for a human open, "ignored:
// Apple Mail prefetch" for the rest. Reasons are the names open-verdict.ts gives; one it does not
// know yet is still shown, by name, rather than hidden.
import type { Verdict } from '../../../shared/schema.ts';
import type { SidebarKey, SidebarT } from '../../i18n/sidebar.ts';

const NAMED = new Set<string>([
  'gmail-proxy',
  'outlook-proxy',
  'yahoo-proxy',
  'direct-load',
  'gmail-prefetch',
  'apple-mpp-user-agent',
  'apple-egress-network',
  'security-scanner',
  'crawler',
  'head-request',
  'no-user-agent',
  'near-sender-view',
  'within-dedupe-window',
]);

/** The reason alone: "Apple Mail prefetch", "within 30 s of sending (...)". */
export function reasonText(reason: string, t: SidebarT): string {
  if (NAMED.has(reason)) return t(`verdict.${reason}` as SidebarKey);
  const soon = /^within-(\d+)s-of-send$/.exec(reason);
  if (soon) return t('verdict.within-send', { n: soon[1]! });
  return reason;
}

/** How a human open came in, or why a hit was not counted. */
export function verdictText(verdict: Verdict, t: SidebarT): string {
  const reason = reasonText(verdict.reason, t);
  return verdict.kind === 'human' ? reason : t('verdict.ignored', { reason });
}
