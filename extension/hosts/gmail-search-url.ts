// Where "open thread" goes from outside the mailbox: a Gmail search for the address, which lists
// every conversation with that contact (from, to and cc). The address is encoded whole because
// Gmail reads a bare "+" in the hash as a space, and "a+b@x.com" is a real address.
export function gmailSearchUrl(address: string, accountIndex = 0): string {
  return `https://mail.google.com/mail/u/${accountIndex}/#search/${encodeURIComponent(address)}`;
}
