import { describe, expect, test } from 'vitest';
import { classifyIp, judgeHit, resolveOpenVerdicts, type IpClass } from './open-verdict.ts';
import type { AccountEvent, Verdict } from './schema.ts';

// Real user-agent strings as mail providers, clients and scanners send them.
const UA = {
  googleProxy: 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)',
  gmailPrefetch:
    'Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/42.0.2311.135 Safari/537.36 Edge/12.246 Mozilla/5.0',
  appleMpp: 'Mozilla/5.0',
  appleMail: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)',
  yahoo: 'YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html',
  outlookDesktop: 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17328; Pro)',
  edge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36 Edg/142.0.0.0',
  thunderbird: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Thunderbird/128.5.0',
  headless: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36',
  barracuda: 'Barracuda Sentinel (EE)',
  proofpoint: 'Mozilla/5.0 (compatible; Proofpoint URL Defense)',
  curl: 'curl/8.5.0',
  googlebot: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
};

describe('judgeHit', () => {
  test.each<[string, string, string | undefined, IpClass, Verdict]>([
    ['Gmail image proxy', 'GET', UA.googleProxy, 'google', { kind: 'human', reason: 'gmail-proxy' }],
    ['Gmail prefetch', 'GET', UA.gmailPrefetch, 'google', { kind: 'bot', reason: 'gmail-prefetch' }],
    ['Apple MPP bare UA', 'GET', UA.appleMpp, 'other', { kind: 'apple-prefetch', reason: 'apple-mpp-user-agent' }],
    ['Apple relay network', 'GET', UA.appleMail, 'apple', { kind: 'apple-prefetch', reason: 'apple-egress-network' }],
    ['Apple Mail, MPP off', 'GET', UA.appleMail, 'other', { kind: 'human', reason: 'direct-load' }],
    ['Yahoo proxy', 'GET', UA.yahoo, 'other', { kind: 'human', reason: 'yahoo-proxy' }],
    ['Outlook on the web', 'GET', UA.edge, 'microsoft', { kind: 'human', reason: 'outlook-proxy' }],
    ['Outlook desktop', 'GET', UA.outlookDesktop, 'other', { kind: 'human', reason: 'direct-load' }],
    ['Thunderbird', 'GET', UA.thunderbird, 'other', { kind: 'human', reason: 'direct-load' }],
    ['headless scanner on Microsoft network', 'GET', UA.headless, 'microsoft', { kind: 'bot', reason: 'crawler' }],
    ['Barracuda', 'GET', UA.barracuda, 'other', { kind: 'bot', reason: 'security-scanner' }],
    ['Proofpoint', 'GET', UA.proofpoint, 'other', { kind: 'bot', reason: 'security-scanner' }],
    ['curl', 'GET', UA.curl, 'other', { kind: 'bot', reason: 'crawler' }],
    ['Googlebot', 'GET', UA.googlebot, 'google', { kind: 'bot', reason: 'crawler' }],
    ['no user agent', 'GET', undefined, 'other', { kind: 'bot', reason: 'no-user-agent' }],
    ['blank user agent', 'GET', '   ', 'other', { kind: 'bot', reason: 'no-user-agent' }],
    ['HEAD request', 'HEAD', UA.edge, 'microsoft', { kind: 'bot', reason: 'head-request' }],
  ])('%s', (_name, method, userAgent, ipClass, expected) => {
    expect(judgeHit({ method, userAgent, ipClass })).toEqual(expected);
  });
});

describe('classifyIp', () => {
  test.each<[string | undefined, IpClass]>([
    ['17.58.1.2', 'apple'],
    ['66.249.84.10', 'google'],
    ['40.93.1.1', 'microsoft'],
    ['104.47.127.255', 'microsoft'],
    ['104.47.128.0', 'other'],
    ['203.0.113.9', 'other'],
    ['2620:149:a:b::1', 'apple'],
    ['2A00:1450:4001::5', 'google'],
    ['2a01:111:f400::1', 'microsoft'],
    ['999.1.1.1', 'other'],
    ['not an ip', 'other'],
    [undefined, 'other'],
  ])('%s is %s', (ip, expected) => {
    expect(classifyIp(ip)).toBe(expected);
  });
});

describe('resolveOpenVerdicts', () => {
  const t0 = Date.UTC(2026, 2, 12, 9, 0, 0);
  const messageId = 'AAAAAAAAAAAAAAAAAAAAAA';
  const sent: AccountEvent = {
    id: '00000000-0000-4000-8000-000000000001', type: 'sent', at: t0, messageId,
    recipients: ['buyer@example.com'], subject: 'Quote', threadKey: 't', provider: 'gmail',
  };
  const open = (n: number, at: number, verdict: Verdict = { kind: 'human', reason: 'gmail-proxy' }): AccountEvent => ({
    id: `00000000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`, type: 'open', at, messageId, verdict,
  });
  const selfView = (at: number): AccountEvent => ({ id: '00000000-0000-4000-8000-000000000999', type: 'self-view', at, messageId });

  test('a human hit minutes after the send stays human', () => {
    const hit = open(1, t0 + 5 * 60_000);
    expect(resolveOpenVerdicts([sent, hit]).get(hit.id)).toEqual({ kind: 'human', reason: 'gmail-proxy' });
  });

  test('a hit within 30 s of the send is too soon', () => {
    const hit = open(1, t0 + 10_000);
    expect(resolveOpenVerdicts([sent, hit]).get(hit.id)).toEqual({ kind: 'too-soon', reason: 'within-30s-of-send' });
  });

  test('a self-view beacon that lands after the hit still explains it', () => {
    const hit = open(1, t0 + 3_600_000);
    const beacon = selfView(t0 + 3_600_000 + 2_000);
    expect(resolveOpenVerdicts([sent, hit]).get(hit.id)?.kind).toBe('human');
    expect(resolveOpenVerdicts([beacon, hit, sent]).get(hit.id)).toEqual({ kind: 'self-view', reason: 'near-sender-view' });
  });

  test('a hit far from any self-view stays human', () => {
    const hit = open(1, t0 + 3_600_000);
    expect(resolveOpenVerdicts([sent, hit, selfView(t0 + 600_000)]).get(hit.id)?.kind).toBe('human');
  });

  test('repeats within the dedupe window are folded, later ones count again', () => {
    const hits = [open(1, t0 + 600_000), open(2, t0 + 610_000), open(3, t0 + 650_000), open(4, t0 + 720_000)];
    const verdicts = resolveOpenVerdicts([...hits].reverse().concat(sent));
    expect(hits.map((h) => verdicts.get(h.id)?.kind)).toEqual(['human', 'repeat', 'repeat', 'human']);
  });

  test('non-human verdicts are never upgraded', () => {
    const hit = open(1, t0 + 600_000, { kind: 'apple-prefetch', reason: 'apple-mpp-user-agent' });
    expect(resolveOpenVerdicts([sent, hit]).get(hit.id)).toEqual({ kind: 'apple-prefetch', reason: 'apple-mpp-user-agent' });
  });
});
