import type { CustomerKind, CustomerProfile, CustomerSource } from '@crm/contracts';
import type { Classification, CustomerEvent, CustomerState } from '../customer.ts';
import { normaliseContacts, requireContactCount } from '../rules/contacts.ts';
import { normaliseProfile } from '../rules/profile.ts';
import { requireRegistrable } from '../rules/registration.ts';
import { normaliseTags, requireRoomForTags } from '../rules/tags.ts';
import { requiredText } from '../rules/text.ts';
import type { CustomerCommandBase } from './command.ts';

export interface RegisterCustomer extends CustomerCommandBase {
  type: 'RegisterCustomer';
  kind: CustomerKind;
  profile: CustomerProfile;
  /** As typed; at least one phone or e-mail is required. The first of each is the primary. */
  phones: readonly string[];
  emails: readonly string[];
  tags?: readonly string[];
  /** The lifecycle stage defaults to lead; imports bring customers in at any stage. */
  classification?: Partial<Classification>;
  source?: CustomerSource;
  /** Absent or null: the customer starts in the shared pool (公海). */
  ownerId?: string | null;
  /**
   * The converted sales lead asking for this customer: registering it again for the same lead
   * (once registered, or once refused) changes nothing.
   */
  leadId?: string;
}

export function registerCustomer(command: RegisterCustomer, state: CustomerState): CustomerEvent[] {
  const { customerId, kind, source } = command;
  const leadId =
    command.leadId === undefined ? undefined : requiredText('leadId', command.leadId, 100);
  if (!requireRegistrable(state, customerId, leadId)) return [];
  const profile = normaliseProfile(kind, command.profile, command.at);
  const contacts = normaliseContacts(command);
  requireContactCount(contacts);
  const tags = normaliseTags(command.tags ?? []);
  requireRoomForTags([], tags);
  const classification = { lifecycleStage: 'lead' as const, ...command.classification };
  const ownerId = command.ownerId == null ? null : requiredText('ownerId', command.ownerId, 100);
  return [
    {
      type: 'CustomerRegistered',
      data: {
        customerId,
        kind,
        profile,
        ...contacts,
        tags,
        classification,
        ...(source !== undefined && { source }),
        ownerId,
        ...(leadId !== undefined && { leadId }),
      },
    },
  ];
}
