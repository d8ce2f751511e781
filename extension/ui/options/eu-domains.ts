// Country endings of the EU member states, the other EEA states (Iceland, Liechtenstein, Norway,
// where the GDPR also applies) and .eu: where a tracking pixel without consent is most likely to
// be a problem for the rep.
export const EU_COUNTRY_DOMAINS = [
  '.at', '.be', '.bg', '.hr', '.cy', '.cz', '.dk', '.ee', '.fi', '.fr', '.de', '.gr', '.hu', '.ie',
  '.it', '.lv', '.lt', '.lu', '.mt', '.nl', '.pl', '.pt', '.ro', '.sk', '.si', '.es', '.se',
  '.is', '.li', '.no',
  '.eu',
] as const;

/** The rep's list with the EU endings added at the end, each once. */
export function withEuDomains(lines: readonly string[]): string[] {
  const have = new Set(lines.map((line) => line.trim().toLowerCase()));
  return [...lines, ...EU_COUNTRY_DOMAINS.filter((domain) => !have.has(domain))];
}
