// The rep's own browser must never load the rep's own pixels: declarativeNetRequest rules built
// from the account's pixel prefix block direct loads and Outlook's image proxy form
// (/actions/ei?u=<encoded pixel URL>). Gmail's proxy URLs hide the original in the fragment, so
// those are handled per image by the Gmail host (a session rule for that proxied URL).
import { type Browser } from 'wxt/browser';

type Rule = Browser.declarativeNetRequest.Rule;

export const DIRECT_RULE_ID = 1;
export const OUTLOOK_PROXY_RULE_ID = 2;

export function pixelBlockRules(pixelPrefix: string): Rule[] {
  const path = `/p/${pixelPrefix}/`;
  const encoded = encodeURIComponent(path);
  return [
    {
      id: DIRECT_RULE_ID,
      priority: 1,
      action: { type: 'block' },
      condition: { urlFilter: path, resourceTypes: ['image', 'xmlhttprequest', 'other', 'sub_frame', 'main_frame'] },
    },
    {
      id: OUTLOOK_PROXY_RULE_ID,
      priority: 1,
      action: { type: 'block' },
      // Outlook encodes the original URL once (%2F) or, through some redirects, twice (%252F).
      condition: {
        regexFilter: `/actions/ei\\?u=.*(${escapeRegex(encoded)}|${escapeRegex(encodeURIComponent(encoded))})`,
        isUrlFilterCaseSensitive: false,
        resourceTypes: ['image', 'other'],
      },
    },
  ];
}

/** Replaces our dynamic rules with those for this prefix (none when there is no account yet). */
export async function applyPixelRules(dnr: typeof Browser.declarativeNetRequest, pixelPrefix: string | null): Promise<void> {
  const existing = await dnr.getDynamicRules();
  await dnr.updateDynamicRules({
    removeRuleIds: existing.map((rule) => rule.id),
    addRules: pixelPrefix ? pixelBlockRules(pixelPrefix) : [],
  });
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
