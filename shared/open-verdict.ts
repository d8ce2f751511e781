// Is a pixel hit a person reading the mail? Two steps, both pure:
//  1. judgeHit: what the request itself says (user agent, egress network, method). Decided when
//     the Worker records the hit and stored with it.
//  2. resolveOpenVerdicts: what the rest of the event log says (the send time, the rep's own
//     self-view beacons, earlier hits of the same message). Re-run whenever events are read, because
//     a self-view beacon can land after the proxy hit it explains.
// Only kind 'human' ever promotes a contact; every other verdict is kept and shown with its reason.
import { isbot } from 'isbot';
import type { AccountEvent, OpenEvent, Verdict } from './schema.ts';

export type IpClass = 'apple' | 'google' | 'microsoft' | 'other';

export interface HitInput {
  method: string;
  userAgent: string | undefined;
  ipClass: IpClass;
}

// Mail providers' own fetchers, matched before the generic crawler list (isbot flags some of them).
const GOOGLE_IMAGE_PROXY = /GoogleImageProxy/;
// Gmail prefetches images of unread threads with this fixed, years-old UA (gmass.co, sparkpost.com).
const GMAIL_PREFETCH = /Chrome\/42\.0\.2311\.135.*Edge\/12\.246/;
const YAHOO_PROXY = /YahooMailProxy/;
// Mail security gateways that fetch every image on delivery.
const MAIL_SCANNERS =
  /barracuda|mimecast|proofpoint|symantec|messagelabs|trend ?micro|sophos|fortimail|forcepoint|cisco ?ironport|safelinks|zscaler/i;

export function judgeHit(hit: HitInput): Verdict {
  const ua = hit.userAgent?.trim() ?? '';
  if (hit.method === 'HEAD') return { kind: 'bot', reason: 'head-request' };
  if (ua === '') return { kind: 'bot', reason: 'no-user-agent' };
  if (GOOGLE_IMAGE_PROXY.test(ua)) return { kind: 'human', reason: 'gmail-proxy' };
  if (GMAIL_PREFETCH.test(ua)) return { kind: 'bot', reason: 'gmail-prefetch' };
  if (YAHOO_PROXY.test(ua)) return { kind: 'human', reason: 'yahoo-proxy' };
  // Apple Mail Privacy Protection fetches on delivery with the bare UA, from Apple's relays.
  if (ua === 'Mozilla/5.0') return { kind: 'apple-prefetch', reason: 'apple-mpp-user-agent' };
  if (hit.ipClass === 'apple') return { kind: 'apple-prefetch', reason: 'apple-egress-network' };
  if (MAIL_SCANNERS.test(ua)) return { kind: 'bot', reason: 'security-scanner' };
  if (isbot(ua)) return { kind: 'bot', reason: 'crawler' };
  // Outlook on the web loads images through Microsoft's network with a browser-like UA; a real
  // reader is behind it (scanners from the same network were caught above).
  if (hit.ipClass === 'microsoft') return { kind: 'human', reason: 'outlook-proxy' };
  return { kind: 'human', reason: 'direct-load' };
}

export interface OpenWindows {
  /** Hits this soon after the send are the rep's own client or a delivery scan. */
  tooSoonMs: number;
  /** Hits this long before / after a self-view beacon of the same message are the rep's own view. */
  selfViewBeforeMs: number;
  selfViewAfterMs: number;
  /** A hit this soon after the previous one of the same message and reason is folded into it. */
  dedupeMs: number;
}

export const DEFAULT_OPEN_WINDOWS: OpenWindows = {
  tooSoonMs: 30_000,
  // Beacons carry the rep's clock, hits the Worker's: the window allows for some skew.
  selfViewBeforeMs: 30_000,
  selfViewAfterMs: 60_000,
  dedupeMs: 60_000,
};

/**
 * The final verdict of every open in `events`, by open event id. Order and duplicates in `events`
 * do not matter. Opens whose sent event is absent are judged without the too-soon rule.
 */
export function resolveOpenVerdicts(
  events: readonly AccountEvent[],
  windows: OpenWindows = DEFAULT_OPEN_WINDOWS,
): Map<string, Verdict> {
  const firstSend = new Map<string, number>();
  const selfViews = new Map<string, number[]>();
  const opensByMessage = new Map<string, OpenEvent[]>();
  const seen = new Set<string>();
  for (const event of events) {
    if (event.type === 'sent') {
      const known = firstSend.get(event.messageId);
      if (known === undefined || event.at < known) firstSend.set(event.messageId, event.at);
    } else if (event.type === 'self-view') {
      push(selfViews, event.messageId, event.at);
    } else if (event.type === 'open' && !seen.has(event.id)) {
      seen.add(event.id);
      push(opensByMessage, event.messageId, event);
    }
  }

  const verdicts = new Map<string, Verdict>();
  for (const [messageId, opens] of opensByMessage) {
    opens.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const sentAt = firstSend.get(messageId);
    const views = selfViews.get(messageId) ?? [];
    const lastByReason = new Map<string, number>();
    for (const open of opens) {
      const stored = open.verdict;
      let verdict: Verdict = stored;
      if (stored.kind === 'human') {
        if (views.some((t) => open.at >= t - windows.selfViewBeforeMs && open.at <= t + windows.selfViewAfterMs)) {
          verdict = { kind: 'self-view', reason: 'near-sender-view' };
        } else if (sentAt !== undefined && open.at - sentAt < windows.tooSoonMs) {
          verdict = { kind: 'too-soon', reason: `within-${Math.round(windows.tooSoonMs / 1000)}s-of-send` };
        }
      }
      const key = `${verdict.kind}/${verdict.reason}`;
      const previous = lastByReason.get(key);
      lastByReason.set(key, open.at);
      if (previous !== undefined && open.at - previous < windows.dedupeMs) {
        verdict = { kind: 'repeat', reason: 'within-dedupe-window' };
      }
      verdicts.set(open.id, verdict);
    }
  }
  return verdicts;
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

// Egress networks that matter for verdicts. Only the class is kept; the address itself is never
// stored. Sources: Apple's 17.0.0.0/8 and 2620:149::/32 allocations (Apple MPP relays egress there);
// Google's image proxy ranges (66.249.80.0/20, 66.102.0.0/20, 64.233.160.0/19, 74.125.0.0/16,
// 72.14.192.0/18, 209.85.128.0/17, 2001:4860::/32, 2404:6800::/32, 2607:f8b0::/32, 2a00:1450::/32);
// Microsoft Exchange Online / Outlook (40.92.0.0/15, 40.107.0.0/16, 52.100.0.0/14, 104.47.0.0/17,
// 2a01:111::/32).
const V4_RANGES: ReadonlyArray<readonly [string, number, IpClass]> = [
  ['17.0.0.0', 8, 'apple'],
  ['66.249.80.0', 20, 'google'],
  ['66.102.0.0', 20, 'google'],
  ['64.233.160.0', 19, 'google'],
  ['74.125.0.0', 16, 'google'],
  ['72.14.192.0', 18, 'google'],
  ['209.85.128.0', 17, 'google'],
  ['40.92.0.0', 15, 'microsoft'],
  ['40.107.0.0', 16, 'microsoft'],
  ['52.100.0.0', 14, 'microsoft'],
  ['104.47.0.0', 17, 'microsoft'],
];
const V6_PREFIXES: ReadonlyArray<readonly [string, IpClass]> = [
  ['2620:149:', 'apple'],
  ['2001:4860:', 'google'],
  ['2404:6800:', 'google'],
  ['2607:f8b0:', 'google'],
  ['2a00:1450:', 'google'],
  ['2a01:111:', 'microsoft'],
];

const V4_PARSED = V4_RANGES.map(([base, bits, cls]) => {
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return { network: ((ipv4ToInt(base) ?? 0) & mask) >>> 0, mask, cls };
});

export function classifyIp(ip: string | undefined): IpClass {
  if (ip === undefined) return 'other';
  const v4 = ipv4ToInt(ip);
  if (v4 !== undefined) {
    for (const range of V4_PARSED) if (((v4 & range.mask) >>> 0) === range.network) return range.cls;
    return 'other';
  }
  const lower = ip.toLowerCase();
  for (const [prefix, cls] of V6_PREFIXES) if (lower.startsWith(prefix)) return cls;
  return 'other';
}

function ipv4ToInt(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}
