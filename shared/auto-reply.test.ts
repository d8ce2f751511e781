import { expect, test } from 'vitest';
import { isAutoReply } from './auto-reply.ts';

test.each([
  ['mailer-daemon@googlemail.com', 'Delivery Status Notification (Failure)', null, true],
  ['postmaster@firma.de', 'Undeliverable: Quotation', null, true],
  ['anna@firma.de', 'Automatic reply: LED panel quotation', null, true],
  ['anna@firma.de', 'Abwesenheitsnotiz: Angebot', null, true],
  ['li@example.cn', '自动回复: 报价', null, true],
  ['carlos@lopez.mx', 'Re: samples', "I am currently out of the office until 12 March with limited access to email.", true],
  ['carlos@lopez.mx', 'Re: samples', 'Thanks, the samples arrived. Can you send the price for 2,000 pcs?', false],
  ['anna@firma.de', 'Re: Out of stock items', 'Which items are out of stock?', false],
  ['noreply@alibaba.com', 'New inquiry', null, true],
  // Outlook's conversation view shows the thread's subject on every message: the body decides.
  ['anna@firma.de', 'Angebot Fenster', 'Vielen Dank für Ihre Nachricht. Ich bin bis einschließlich 4. Dezember nicht im Büro.', true],
  ['anna@firma.de', 'Angebot Fenster', 'Ich bin derzeit im Urlaub und ab dem 7. Dezember wieder erreichbar.', true],
  ['marie@societe.fr', 'Offre', "Bonjour, je suis absente jusqu'au 10 décembre.", true],
  ['carlos@lopez.mx', 'Oferta', 'Estoy fuera de la oficina hasta el lunes.', true],
  ['anna@firma.de', 'Angebot Fenster', 'Danke! Bitte schicken Sie das Angebot auch für die Haustür, ich bin morgen im Büro.', false],
])('%s "%s" → %s', (from, subject, text, expected) => {
  expect(isAutoReply({ from, subject, text })).toBe(expected);
});
