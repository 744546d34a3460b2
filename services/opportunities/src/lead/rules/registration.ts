// What the customers service is asked to register when a lead converts into a new customer: built
// from the lead alone, so the request is the same however many times it is sent. A lead naming a
// company becomes a company customer unless told otherwise; its contact person stays on the lead.
import type { CustomerKind, CustomerProfile, CustomerRegistrationRequest } from '@crm/contracts';
import { invalidField } from '../errors.ts';
import type { ActiveLead } from '../lead.ts';

export function customerRegistrationFor(
  lead: ActiveLead & { ownerId: string },
  customerId: string,
  kind: CustomerKind | undefined,
): CustomerRegistrationRequest {
  const customerKind = kind ?? (lead.company === undefined ? 'person' : 'company');
  return {
    customerId,
    kind: customerKind,
    profile: profileOf(lead, customerKind),
    phones: [...lead.phones],
    emails: [...lead.emails],
    source: 'lead_conversion',
    lifecycleStage: 'prospect',
    ownerId: lead.ownerId,
  };
}

function profileOf(lead: ActiveLead, kind: CustomerKind): CustomerProfile {
  const address = lead.region && { country: 'CN', ...lead.region };
  const where = address === undefined ? {} : { address };
  if (kind === 'person') return { name: lead.name, ...where };
  if (lead.company === undefined) throw invalidField('company', 'required', { kind });
  const industry = lead.industry === undefined ? {} : { industry: lead.industry };
  return { name: lead.company, ...where, ...industry };
}
