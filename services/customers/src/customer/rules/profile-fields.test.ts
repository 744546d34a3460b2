import type { CustomerProfile, ProfileField } from '@crm/contracts';
import { isDomainError } from '@crm/decider';
import { describe, expect, it } from 'vitest';
import { now } from '../fixtures.ts';
import { normaliseProfileField } from './profile-fields.ts';

type Value = NonNullable<CustomerProfile[ProfileField]>;

const normalise = (field: ProfileField, value: Value, at = now) =>
  normaliseProfileField(field, value, at);

/** The details of the INVALID_FIELD the value is refused with. */
const refusal = (field: ProfileField, value: Value, at = now) => {
  try {
    normalise(field, value, at);
  } catch (error) {
    if (isDomainError(error) && error.code === 'INVALID_FIELD') return error.details;
    throw error;
  }
  throw new Error(`${field}: ${JSON.stringify(value)} was accepted`);
};

const shenzhen = { country: 'CN', province: '广东省', city: '深圳市', district: '南山区' };

describe('profile fields', () => {
  it.each<[ProfileField, Value, Value]>([
    ['name', '  李雷 ', '李雷'],
    [
      'address',
      { ...shenzhen, country: 'cn', street: ' 科技园南区 ' },
      { ...shenzhen, street: '科技园南区' },
    ],
    [
      'address',
      { country: 'CN', province: '广东省', city: '东莞市', district: ' ' },
      { country: 'CN', province: '广东省', city: '东莞市' },
    ],
    ['address', { ...shenzhen, postalCode: '518057' }, { ...shenzhen, postalCode: '518057' }],
    [
      'address',
      { country: 'SG', province: 'Singapore', city: 'Singapore', postalCode: 'S-0189' },
      { country: 'SG', province: 'Singapore', city: 'Singapore', postalCode: 'S-0189' },
    ],
    ['birthday', '1988-06-15', '1988-06-15'],
    ['birthday', '2024-02-29', '2024-02-29'],
    ['interests', [' 高尔夫 ', '茶', '高尔夫'], ['高尔夫', '茶']],
    ['industry', ' manufacturing ', 'manufacturing'],
    ['website', 'www.example.com.cn', 'https://www.example.com.cn/'],
    ['website', 'http://Example.COM/about', 'http://example.com/about'],
    ['creditCode', ' 91350100m000100y43 ', '91350100M000100Y43'],
    ['creditCode', '91310115MA1K000190', '91310115MA1K000190'], // check character 0
    [
      'registeredCapital',
      { amount: ' 5000000.50 ', currency: 'usd' },
      { amount: '5000000.50', currency: 'USD' },
    ],
    ['gender', 'other', 'other'],
  ])('%s: stores %j as %j', (field, value, stored) => {
    expect(normalise(field, value)).toEqual(stored);
  });

  it.each<[string, ProfileField, Value, Record<string, unknown>]>([
    ['a blank name', 'name', ' ', { field: 'name', reason: 'required' }],
    [
      'a province-less address',
      'address',
      { ...shenzhen, province: '' },
      { field: 'address.province', reason: 'required' },
    ],
    [
      'a city-less address',
      'address',
      { ...shenzhen, city: ' ' },
      { field: 'address.city', reason: 'required' },
    ],
    [
      'an unknown country',
      'address',
      { ...shenzhen, country: 'China' },
      { field: 'address.country', reason: 'malformed' },
    ],
    [
      'a mainland postal code that is not 6 digits',
      'address',
      { ...shenzhen, postalCode: '5180' },
      { field: 'address.postalCode', reason: 'malformed' },
    ],
    [
      'a street over 200 characters',
      'address',
      { ...shenzhen, street: '路'.repeat(201) },
      { field: 'address.street', reason: 'too_long' },
    ],
    [
      'a day that does not exist',
      'birthday',
      '2023-02-29',
      { field: 'birthday', reason: 'malformed' },
    ],
    [
      'a date in another format',
      'birthday',
      '1988/06/15',
      { field: 'birthday', reason: 'malformed' },
    ],
    ['a date before 1900', 'birthday', '1899-12-31', { field: 'birthday', reason: 'malformed' }],
    [
      'a birthday that has not yet begun anywhere',
      'birthday',
      '2026-03-03',
      { field: 'birthday', reason: 'in_future' },
    ],
    [
      'more than 20 interests',
      'interests',
      Array.from({ length: 21 }, (_, i) => `兴趣${i}`),
      { field: 'interests', reason: 'too_many', limit: 20 },
    ],
    ['a blank interest', 'interests', ['茶', ' '], { field: 'interests', reason: 'required' }],
    [
      'an interest over 32 characters',
      'interests',
      ['茶'.repeat(33)],
      { field: 'interests', reason: 'too_long' },
    ],
    [
      'a website that is not http(s)',
      'website',
      'ftp://files.example.com',
      { field: 'website', reason: 'malformed' },
    ],
    [
      'a website without a domain',
      'website',
      'localhost',
      { field: 'website', reason: 'malformed' },
    ],
    [
      'a website that is no URL',
      'website',
      'http://exa mple.com',
      { field: 'website', reason: 'malformed' },
    ],
    [
      'a credit code of the wrong shape',
      'creditCode',
      '9144030070846113',
      { field: 'creditCode', reason: 'malformed' },
    ],
    [
      'a credit code with a wrong check character',
      'creditCode',
      '91440300708461136X',
      { field: 'creditCode', reason: 'checksum' },
    ],
    [
      'a capital that is no amount',
      'registeredCapital',
      { amount: '5,000,000', currency: 'CNY' },
      { field: 'registeredCapital.amount', reason: 'malformed' },
    ],
    [
      'a capital in no currency',
      'registeredCapital',
      { amount: '5000000', currency: '人民币' },
      { field: 'registeredCapital.currency', reason: 'malformed' },
    ],
  ])('refuses %s', (_, field, value, details) => {
    expect(refusal(field, value)).toMatchObject(details);
  });

  it('accepts a birthday of today in Shanghai while it is still yesterday in UTC', () => {
    const halfPastMidnightInShanghai = '2026-03-01T16:30:00.000Z';
    expect(normalise('birthday', '2026-03-02', halfPastMidnightInShanghai)).toBe('2026-03-02');
  });
});
