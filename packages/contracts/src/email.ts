// E-mail addresses travel trimmed and lower-cased so that two spellings of one mailbox compare
// equal. Internationalised domains travel in their ASCII (punycode) form.
import { z } from 'zod';

const localPart = /[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*/.source;
const domainLabel = /[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?/.source;
const topLevelDomain = /(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})/.source;

/** A normalised address: lower-case, dot-atom local part, a domain with a top-level domain. */
export const emailPattern = new RegExp(`^${localPart}@(?:${domainLabel}\\.)+${topLevelDomain}$`);

export const emailSchema = z
  .email({ pattern: emailPattern })
  .max(254)
  .describe('E-mail address, trimmed and lower-cased; IDN domains in punycode.');

export type Email = z.infer<typeof emailSchema>;

export type EmailRejection = 'empty' | 'too_long' | 'invalid_format';

export type NormalizedEmail = { ok: true; email: string } | { ok: false; reason: EmailRejection };

/** Trims, lower-cases and checks an address: `" Li.Lei@Example.COM "` -> `li.lei@example.com`. */
export function normalizeEmail(input: string): NormalizedEmail {
  // NFKC turns the full-width ＠ and letters of Chinese input methods into ASCII.
  const trimmed = input.normalize('NFKC').trim().toLowerCase();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  const at = trimmed.lastIndexOf('@');
  if (at < 1) return { ok: false, reason: 'invalid_format' };
  const local = trimmed.slice(0, at);
  const domain = asciiDomain(trimmed.slice(at + 1));
  if (domain === undefined) return { ok: false, reason: 'invalid_format' };
  const email = `${local}@${domain}`;
  if (email.length > 254 || local.length > 64) return { ok: false, reason: 'too_long' };
  return emailPattern.test(email) ? { ok: true, email } : { ok: false, reason: 'invalid_format' };
}

// The URL parser applies IDNA: 例子.中国 -> xn--fsqu00a.xn--fiqs8s. It rejects what no host can be.
function asciiDomain(domain: string): string | undefined {
  if (domain === '' || /[/?#:@\\[\]%\s]/.test(domain)) return undefined;
  if (!URL.canParse(`http://${domain}`)) return undefined;
  return new URL(`http://${domain}`).hostname;
}
