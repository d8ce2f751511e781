// The rep's "never track mail to these domains" rules (settings.ts checks their form: "example.de",
// "*.example.de", ".de"). Apart from the settings schema because the content script decides with
// them at send time and must not carry zod.

/** Is mail to this address excluded from tracking by the rep's domain list? */
export function isExcluded(address: string, excludedDomains: readonly string[]): boolean {
  const host = address.slice(address.lastIndexOf('@') + 1).toLowerCase();
  return excludedDomains.some((rule) => {
    if (rule.startsWith('.')) return host.endsWith(rule);
    if (rule.startsWith('*.')) return host.endsWith(rule.slice(1));
    return host === rule;
  });
}
