// Fixed ids, a fixed clock and builders of typical events and commands for customer tests. Every
// builder takes overrides, so a test states only what matters to it.
import type { CustomerCommandBase } from './commands/command.ts';
import type { LogInteraction } from './commands/log-interaction.ts';
import type { RegisterCustomer } from './commands/register-customer.ts';
import type { RejectRegistration } from './commands/reject-registration.ts';
import type { CustomerRegistered, InteractionLogged, RegistrationRejected } from './customer.ts';
import type { CustomerCommand } from './decide.ts';

export const ids = {
  customer: 'cus-1001',
  survivor: 'cus-2002',
  salesRep: 'usr-li-na',
  manager: 'usr-zhang-wei',
  interaction: 'int-3003',
  lead: 'lead-4004',
  leadConversion: 'system:lead-conversion',
} as const;

/** The clock of every test: Monday 2 March 2026, 09:30 in Shanghai. */
export const now = '2026-03-02T01:30:00.000Z';

type Registration = CustomerRegistered['data'];

/** A person registered by the sales rep who owns them. */
export const aRegisteredCustomer = (overrides: Partial<Registration> = {}): CustomerRegistered => ({
  type: 'CustomerRegistered',
  data: {
    customerId: ids.customer,
    kind: 'person',
    profile: {
      name: '王芳',
      gender: 'female',
      birthday: '1988-06-15',
      address: { country: 'CN', province: '广东省', city: '深圳市', district: '南山区' },
    },
    phones: ['+8613812345678'],
    emails: ['wang.fang@example.cn'],
    tags: ['VIP'],
    classification: { lifecycleStage: 'prospect' },
    source: 'exhibition',
    ownerId: ids.salesRep,
    ...overrides,
  },
});

export const aRegisteredCompany = (overrides: Partial<Registration> = {}): CustomerRegistered =>
  aRegisteredCustomer({
    kind: 'company',
    profile: {
      name: '深圳示例科技有限公司',
      industry: 'manufacturing',
      website: 'https://www.example.com.cn/',
      creditCode: '91440300708461136T',
      registeredCapital: { amount: '10000000', currency: 'CNY' },
    },
    phones: ['+8675512345678'],
    emails: ['sales@example.com.cn'],
    classification: { lifecycleStage: 'customer', size: 'large', valueTier: 'A' },
    ...overrides,
  });

export const anInteractionLogged = (
  overrides: Partial<InteractionLogged['data']> = {},
): InteractionLogged => ({
  type: 'InteractionLogged',
  data: {
    customerId: ids.customer,
    interactionId: ids.interaction,
    kind: 'call',
    channel: 'phone',
    occurredAt: '2026-03-02T01:00:00.000Z',
    summary: '电话沟通报价,客户关注交期。',
    loggedBy: ids.salesRep,
    ...overrides,
  },
});

/** The refusal of the fixture id, asked for by the fixture lead: the phone is the survivor's. */
export const aRegistrationRejected = (
  overrides: Partial<RegistrationRejected['data']> = {},
): RegistrationRejected => ({
  type: 'RegistrationRejected',
  data: {
    customerId: ids.customer,
    leadId: ids.lead,
    reason: 'DUPLICATE_CONTACT',
    existingCustomerId: ids.survivor,
    detail: 'phone already belongs to customer cus-2002',
    rejectedAt: now,
    ...overrides,
  },
});

type CommandOf<Type> = Extract<CustomerCommand, { type: Type }>;
type CommandFields<Type> = Omit<CommandOf<Type>, 'type' | keyof CustomerCommandBase> &
  Partial<CustomerCommandBase>;

/** A command for the fixture customer, issued now by the sales rep. */
export const aCommand = <Type extends CustomerCommand['type']>(
  type: Type,
  fields: CommandFields<Type>,
): CommandOf<Type> =>
  ({ type, customerId: ids.customer, at: now, actor: ids.salesRep, ...fields }) as CommandOf<Type>;

/** Registering the fixture person, as a sales rep would type it. */
export const aRegistration = (overrides: Partial<RegisterCustomer> = {}): RegisterCustomer =>
  aCommand('RegisterCustomer', {
    kind: 'person',
    profile: { name: '王芳' },
    phones: ['138 1234 5678'],
    emails: [],
    ...overrides,
  });

export const anInteraction = (overrides: Partial<LogInteraction> = {}): LogInteraction =>
  aCommand('LogInteraction', {
    interactionId: ids.interaction,
    kind: 'call',
    channel: 'phone',
    occurredAt: '2026-03-02T09:00:00+08:00',
    summary: '电话沟通报价,客户关注交期。',
    ...overrides,
  });

/** Registering the fixture person for the fixture lead, as the lead-conversion reaction does. */
export const aLeadRegistration = (overrides: Partial<RegisterCustomer> = {}): RegisterCustomer =>
  aRegistration({
    classification: { lifecycleStage: 'prospect' },
    source: 'lead_conversion',
    ownerId: ids.salesRep,
    leadId: ids.lead,
    actor: ids.leadConversion,
    ...overrides,
  });

/** Refusing the fixture lead's registration for a duplicate phone, as the reaction does. */
export const aRejection = (overrides: Partial<RejectRegistration> = {}): RejectRegistration =>
  aCommand('RejectRegistration', {
    leadId: ids.lead,
    reason: 'DUPLICATE_CONTACT',
    existingCustomerId: ids.survivor,
    detail: 'phone already belongs to customer cus-2002',
    actor: ids.leadConversion,
    ...overrides,
  });
