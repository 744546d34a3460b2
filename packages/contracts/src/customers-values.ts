// The values that customer events are made of. Other services reuse them when they keep their own
// copy of customer data (campaign audiences, ticket requesters, analytics segments).
import { z } from 'zod';

export const customerKindSchema = z
  .enum(['person', 'company'])
  .describe('person: an individual consumer (个人客户); company: an organisation (企业客户).');

/** Mainland addresses are province / city / district; other countries fill what they have. */
export const addressSchema = z
  .object({
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .default('CN')
      .describe('ISO 3166-1 alpha-2 country code; CN when absent.'),
    province: z
      .string()
      .min(1)
      .max(50)
      .describe('Province, autonomous region or municipality (省/自治区/直辖市), or state.'),
    city: z.string().min(1).max(50).describe('City or prefecture (市/地区/州).'),
    district: z
      .string()
      .min(1)
      .max(50)
      .optional()
      .describe('District or county (区/县); absent where there is none, e.g. 东莞市, 中山市.'),
    street: z.string().min(1).max(200).optional().describe('Street, building and room.'),
    postalCode: z.string().min(1).max(16).optional().describe('Postal code, e.g. 100020.'),
  })
  .describe('A postal address.');

export const moneySchema = z
  .object({
    amount: z
      .string()
      .regex(/^\d{1,15}(?:\.\d{1,4})?$/)
      .describe('Non-negative decimal in major units as a string, e.g. "5000000.00" (no floats).'),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .default('CNY')
      .describe('ISO 4217 currency code; CNY when absent.'),
  })
  .describe('An amount of money.');

export const genderSchema = z
  .enum(['male', 'female', 'other'])
  .describe('Gender as the person stated it; absent when unknown.');

export const customerSizeSchema = z
  .enum(['micro', 'small', 'medium', 'large', 'enterprise'])
  .describe(
    'Company size by headcount: micro <10, small 10-99, medium 100-999, large 1,000-9,999, ' +
      'enterprise 10,000 or more (a guide; each tenant may apply its own thresholds).',
  );

export const valueTierSchema = z
  .enum(['A', 'B', 'C', 'D'])
  .describe(
    'ABC customer value tier (ABC客户分级): A strategic/key accounts (the few that bring most ' +
      'revenue), B important, C standard, D low value or occasional.',
  );

export const lifecycleStageSchema = z
  .enum(['lead', 'prospect', 'customer', 'at_risk', 'lost'])
  .describe(
    'Where the relationship stands: lead (not yet qualified), prospect (qualified, not yet ' +
      'bought), customer (has bought), at_risk (churn signals), lost (churned or gave up).',
  );

export const customerSourceSchema = z
  .enum([
    'website',
    'referral',
    'exhibition',
    'cold_call',
    'advertising',
    'social_media',
    'partner',
    'lead_conversion',
    'import',
    'other',
  ])
  .describe('How the customer first reached us; lead_conversion: converted from a sales lead.');

export const interactionKindSchema = z
  .enum(['call', 'visit', 'email', 'meeting', 'consultation', 'complaint', 'note'])
  .describe('What kind of contact with the customer (跟进记录类型).');

export const interactionChannelSchema = z
  .enum([
    'phone',
    'sms',
    'wechat',
    'wecom',
    'dingtalk',
    'feishu',
    'email',
    'in_person',
    'video',
    'other',
  ])
  .describe('Where it happened; wecom = 企业微信, dingtalk = 钉钉, feishu = 飞书.');

export const erasureReasonSchema = z
  .enum(['data_subject_request', 'retention_expired', 'legal_obligation'])
  .describe(
    'Why personal data was erased: a request of the person (PIPL art. 47 / GDPR art. 17), the ' +
      'retention period ran out, or a legal order.',
  );

/**
 * Suggested industry codes, one per section of GB/T 4754-2017 (国民经济行业分类). Industry is a
 * free string so tenants can be finer; these keep reports comparable.
 */
export const suggestedIndustries = [
  'agriculture', // A 农、林、牧、渔业
  'mining', // B 采矿业
  'manufacturing', // C 制造业
  'utilities', // D 电力、热力、燃气及水生产和供应业
  'construction', // E 建筑业
  'wholesale_retail', // F 批发和零售业
  'transport_logistics', // G 交通运输、仓储和邮政业
  'hospitality', // H 住宿和餐饮业
  'information_technology', // I 信息传输、软件和信息技术服务业
  'finance', // J 金融业
  'real_estate', // K 房地产业
  'business_services', // L 租赁和商务服务业
  'research_technical', // M 科学研究和技术服务业
  'environment_public_facilities', // N 水利、环境和公共设施管理业
  'household_services', // O 居民服务、修理和其他服务业
  'education', // P 教育
  'health_social_work', // Q 卫生和社会工作
  'culture_sports_entertainment', // R 文化、体育和娱乐业
  'public_administration', // S 公共管理、社会保障和社会组织
  'international_organisations', // T 国际组织
] as const;

export const industrySchema = z
  .string()
  .min(1)
  .max(100)
  .describe(`Industry; preferably one of: ${suggestedIndustries.join(', ')} (GB/T 4754-2017).`);

export const tagSchema = z
  .string()
  .min(1)
  .max(32)
  .describe('A free label, trimmed, 1-32 characters.');

/** 统一社会信用代码: the 18-character id every mainland organisation is registered under. */
export const creditCodeSchema = z
  .string()
  .regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/)
  .describe('Unified social credit code (统一社会信用代码), 18 characters, upper-case.');

export type CustomerKind = z.infer<typeof customerKindSchema>;
export type Address = z.infer<typeof addressSchema>;
export type Money = z.infer<typeof moneySchema>;
export type Gender = z.infer<typeof genderSchema>;
export type CustomerSize = z.infer<typeof customerSizeSchema>;
export type ValueTier = z.infer<typeof valueTierSchema>;
export type LifecycleStage = z.infer<typeof lifecycleStageSchema>;
export type CustomerSource = z.infer<typeof customerSourceSchema>;
export type InteractionKind = z.infer<typeof interactionKindSchema>;
export type InteractionChannel = z.infer<typeof interactionChannelSchema>;
export type ErasureReason = z.infer<typeof erasureReasonSchema>;
