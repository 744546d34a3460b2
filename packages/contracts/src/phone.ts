// Phone numbers travel in E.164 (+<country><number>) so that two spellings of one number compare
// equal. People type mainland China numbers in national formats; those are understood here.
import { z } from 'zod';

/** E.164: a plus, a country code that does not start with 0, 8 to 15 digits in all. */
export const e164Pattern = /^\+[1-9]\d{7,14}$/;

export const phoneSchema = z
  .string()
  .regex(e164Pattern)
  .describe('Phone number in E.164, normalised, e.g. +8613812345678 or +862012345678.');

export type Phone = z.infer<typeof phoneSchema>;

export type PhoneRejection =
  | 'empty'
  | 'invalid_characters' // letters, extensions, anything but digits, separators and one leading +
  | 'invalid_length' // not 8..15 digits once the country code is known
  | 'invalid_cn_number' // a +86 number that is neither a mobile, a landline nor a 400/800 number
  | 'missing_country_code'; // a national number of a region whose formats are not understood

export type NormalizedPhone = { ok: true; e164: string } | { ok: false; reason: PhoneRejection };

// Spaces, dashes, dots, slashes and brackets are how people group digits; they carry no meaning.
const separators = /[\s\-./()\u2010-\u2015]/g;

const cnMobile = /^1[3-9]\d{9}$/;
// Area code without the trunk 0: 10 (Beijing) and 2X take 8-digit numbers, 3-digit codes take 7 or 8.
const cnLandline = /^(?:(?:10|2\d)\d{8}|[3-9]\d{2}\d{7,8})$/;
// Nationwide business numbers (400-xxx-xxxx, 800-xxx-xxxx), printed on most company cards.
const cnServiceNumber = /^[48]00\d{7}$/;

const isCnNationalNumber = (digits: string): boolean =>
  cnMobile.test(digits) || cnLandline.test(digits) || cnServiceNumber.test(digits);

/**
 * Normalises a phone number to E.164. International numbers need a `+` or `00` prefix; national
 * formats are understood for `defaultRegion` 'CN' only: 13812345678, 86 13812345678,
 * 010-12345678, 0755-1234567, 400-123-4567. Full-width digits (１３８…) are accepted.
 */
export function normalizePhone(input: string, defaultRegion = 'CN'): NormalizedPhone {
  // NFKC turns full-width digits and plus signs, which Chinese input methods produce, into ASCII.
  const compact = input.normalize('NFKC').replace(separators, '');
  if (compact === '') return { ok: false, reason: 'empty' };
  if (!/^(?:\+|00)?\d+$/.test(compact)) return { ok: false, reason: 'invalid_characters' };

  if (compact.startsWith('+') || compact.startsWith('00')) {
    return international(compact.replace(/^(?:\+|00)/, ''));
  }
  if (defaultRegion !== 'CN') return { ok: false, reason: 'missing_country_code' };
  return chinaNational(compact);
}

function international(digits: string): NormalizedPhone {
  if (digits.startsWith('86')) return chinaNational(digits.slice(2), true);
  const e164 = `+${digits}`;
  return e164Pattern.test(e164) ? { ok: true, e164 } : { ok: false, reason: 'invalid_length' };
}

function chinaNational(digits: string, afterCountryCode = false): NormalizedPhone {
  // "86 138..." without a plus is common on forms; a mobile never starts with 86, so it is safe.
  if (!afterCountryCode && digits.startsWith('86') && cnMobile.test(digits.slice(2))) {
    return { ok: true, e164: `+${digits}` };
  }
  // The trunk 0 of landlines is dropped in E.164, even when someone wrote +86 (0)10 ...
  const national = digits.startsWith('0') ? digits.slice(1) : digits;
  if (isCnNationalNumber(national)) return { ok: true, e164: `+86${national}` };
  return { ok: false, reason: 'invalid_cn_number' };
}
