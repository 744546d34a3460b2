// What a customer is, apart from how to reach them and how we classify them. Some fields only
// make sense for a person, others only for a company; the service refuses the wrong ones.
import { z } from 'zod';
import {
  addressSchema,
  creditCodeSchema,
  genderSchema,
  industrySchema,
  moneySchema,
} from './customers-values.ts';

const name = z
  .string()
  .min(1)
  .max(200)
  .describe("A person's full name or a company's registered name (1-200 characters).");
const interests = z
  .array(z.string().min(1).max(32))
  .min(1)
  .max(20)
  .describe('Person only: interests and hobbies (兴趣爱好), up to 20.');
const birthday = z.iso.date().describe('Person only: date of birth, YYYY-MM-DD.');
const gender = genderSchema.describe('Person only: gender as the person stated it.');
const industry = industrySchema.describe('Company only: industry (所属行业).');
const website = z
  .url({ protocol: /^https?$/ })
  .max(500)
  .describe('Company only: website, an http(s) URL.');
const registeredCapital = moneySchema.describe('Company only: registered capital (注册资本).');
const creditCode = creditCodeSchema.describe(
  'Company only: unified social credit code (统一社会信用代码).',
);
const address = addressSchema.describe('Postal or registered address.');

export const customerProfileSchema = z
  .object({
    name,
    address: address.optional(),
    gender: gender.optional(),
    birthday: birthday.optional(),
    interests: interests.optional(),
    industry: industry.optional(),
    website: website.optional(),
    registeredCapital: registeredCapital.optional(),
    creditCode: creditCode.optional(),
  })
  .describe('The descriptive data of a customer; absent fields are unknown.');

/** The same fields, each optional: present = changed to this value, null = cleared. */
export const customerProfileChangesSchema = z
  .object({
    name: name.optional(),
    address: address.nullable().optional(),
    gender: gender.nullable().optional(),
    birthday: birthday.nullable().optional(),
    interests: interests.nullable().optional(),
    industry: industry.nullable().optional(),
    website: website.nullable().optional(),
    registeredCapital: registeredCapital.nullable().optional(),
    creditCode: creditCode.nullable().optional(),
  })
  .describe('Only the profile fields that changed: a value = the new value, null = cleared.');

export type CustomerProfile = z.infer<typeof customerProfileSchema>;
export type CustomerProfileChanges = z.infer<typeof customerProfileChangesSchema>;
export type ProfileField = keyof CustomerProfile;

/** Which profile fields apply to which kind of customer. */
export const profileFieldsByKind = {
  person: ['name', 'address', 'gender', 'birthday', 'interests'],
  company: ['name', 'address', 'industry', 'website', 'registeredCapital', 'creditCode'],
} as const satisfies Record<'person' | 'company', readonly ProfileField[]>;
