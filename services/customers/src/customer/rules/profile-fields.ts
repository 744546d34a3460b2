// How each profile field is checked and normalised. Every normaliser gets the value as typed and
// returns it as stored, or throws INVALID_FIELD naming the field and the reason.
import type { Address, CustomerProfile, Money, ProfileField } from '@crm/contracts';
import { invalidField } from '../errors.ts';
import { normaliseCreditCode } from './credit-code.ts';
import { labels, optionalText, requiredText } from './text.ts';

export const maxInterests = 20;

type Value<F extends ProfileField> = NonNullable<CustomerProfile[F]>;

const normalisers: { [F in ProfileField]: (value: Value<F>, at: string) => Value<F> } = {
  name: (name) => requiredText('name', name, 200),
  address: normaliseAddress,
  gender: (gender) => gender,
  birthday: normaliseBirthday,
  interests: normaliseInterests,
  industry: (industry) => requiredText('industry', industry, 100),
  website: normaliseWebsite,
  registeredCapital: normaliseRegisteredCapital,
  creditCode: normaliseCreditCode,
};

/** `at` is the command's time: a birthday cannot be later than that. */
export const normaliseProfileField = <F extends ProfileField>(
  field: F,
  value: Value<F>,
  at: string,
): Value<F> => normalisers[field](value, at);

function normaliseAddress(address: Address): Address {
  const country = address.country.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) {
    throw invalidField('address.country', 'malformed', { value: address.country });
  }
  const district = optionalText('address.district', address.district, 50);
  const street = optionalText('address.street', address.street, 200);
  const postalCode = optionalText('address.postalCode', address.postalCode, 16);
  if (country === 'CN' && postalCode !== undefined && !/^\d{6}$/.test(postalCode)) {
    throw invalidField('address.postalCode', 'malformed', { value: postalCode });
  }
  return {
    country,
    province: requiredText('address.province', address.province, 50),
    city: requiredText('address.city', address.city, 50),
    ...(district !== undefined && { district }),
    ...(street !== undefined && { street }),
    ...(postalCode !== undefined && { postalCode }),
  };
}

function normaliseBirthday(value: string, at: string): string {
  const date = value.trim();
  if (!isCalendarDate(date)) throw invalidField('birthday', 'malformed', { value });
  // In the future only if the day has not yet begun anywhere on earth (UTC+14 starts first).
  if (Date.parse(`${date}T00:00:00+14:00`) > Date.parse(at)) {
    throw invalidField('birthday', 'in_future', { value: date });
  }
  return date;
}

// YYYY-MM-DD, a day that exists (no 2023-02-29), from 1900 on.
function isCalendarDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date < '1900-01-01') return false;
  const time = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(date);
}

function normaliseInterests(interests: string[]): string[] {
  const normalised = labels('interests', interests, 32);
  if (normalised.length > maxInterests) {
    throw invalidField('interests', 'too_many', { limit: maxInterests });
  }
  return normalised;
}

function normaliseWebsite(value: string): string {
  const text = requiredText('website', value, 500);
  // People write www.example.com.cn; an address without a scheme is taken to be https.
  const candidate = /^[a-z][a-z\d+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  const url = URL.canParse(candidate) ? new URL(candidate) : undefined;
  const web = url?.protocol === 'http:' || url?.protocol === 'https:';
  if (!url || !web || !url.hostname.includes('.')) {
    throw invalidField('website', 'malformed', { value });
  }
  return url.href;
}

function normaliseRegisteredCapital(capital: Money): Money {
  const amount = capital.amount.trim();
  if (!/^\d{1,15}(?:\.\d{1,4})?$/.test(amount)) {
    throw invalidField('registeredCapital.amount', 'malformed', { value: capital.amount });
  }
  const currency = capital.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) {
    throw invalidField('registeredCapital.currency', 'malformed', { value: capital.currency });
  }
  return { amount, currency };
}
