// crm.lead.converted.v1 as the opportunities service puts it on crm.opportunities.v1, for tests of
// the lead-conversion reaction: a valid CloudEvent (checked against its contract) in the Kafka
// binary binding, with the fields a test cares about overridable.
import { randomUUID } from 'node:crypto';
import {
  leadEventSchemas,
  toBinaryMessage,
  type CustomerRegistrationRequest,
  type LeadPublicEventData,
} from '@crm/contracts';
import type { OutgoingMessage } from '@crm/event-bus';

type Converted = LeadPublicEventData<'crm.lead.converted.v1'>;

export interface LeadConvertedOptions {
  leadId: string;
  customerId: string;
  /** The CloudEvent id: the same id twice is the same event delivered twice. */
  eventId?: string;
  registration?: Partial<CustomerRegistrationRequest> | null;
}

/** The converted lead's data: a person with one mobile number, registered as a prospect. */
export function leadConvertedData(options: LeadConvertedOptions): Converted {
  const { leadId, customerId } = options;
  const registration: CustomerRegistrationRequest | null =
    options.registration === null
      ? null
      : {
          customerId,
          kind: 'person',
          profile: { name: '赵敏', address: { country: 'CN', province: '浙江省', city: '杭州市' } },
          phones: ['+8613700000001'],
          emails: [],
          source: 'lead_conversion',
          lifecycleStage: 'prospect',
          ownerId: 'usr-rep-1',
          ...options.registration,
        };
  return leadEventSchemas['crm.lead.converted.v1'].parse({
    leadId,
    opportunityId: `opp-${leadId}`,
    customerId,
    customerRegistration: registration,
    ownerId: 'usr-rep-1',
    convertedBy: 'usr-rep-1',
  });
}

/** Any event of crm.opportunities.v1 as a message: the type and data are not checked. */
export function opportunitiesMessage(
  type: string,
  subject: string,
  data: unknown,
  eventId: string = randomUUID(),
): OutgoingMessage {
  return toBinaryMessage({
    specversion: '1.0',
    id: eventId,
    source: 'crm/opportunities',
    type,
    subject,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    correlationid: `corr-${subject}`,
    causationid: `req-${subject}`,
    actor: 'usr-rep-1',
    streamrevision: 7,
    data,
  });
}

export const leadConvertedMessage = (options: LeadConvertedOptions): OutgoingMessage =>
  opportunitiesMessage(
    'crm.lead.converted.v1',
    options.leadId,
    leadConvertedData(options),
    options.eventId,
  );
