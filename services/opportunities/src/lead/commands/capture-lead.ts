import type { LeadRegion, LeadSource } from '@crm/contracts';
import type { LeadEvent } from '../events.ts';
import { leadError } from '../errors.ts';
import type { LeadState } from '../lead.ts';
import { handOuts, requireRole } from '../rules/access.ts';
import { normaliseContacts } from '../rules/contacts.ts';
import { optionalText, requiredId, requiredText } from '../rules/text.ts';
import type { LeadCommandBase } from './command.ts';

export interface CaptureLead extends LeadCommandBase {
  type: 'CaptureLead';
  /** The contact person. */
  name: string;
  company?: string;
  /** As typed; at least one phone or e-mail is required. The first of each is the primary. */
  phones: readonly string[];
  emails: readonly string[];
  source: LeadSource;
  campaignId?: string;
  notes?: string;
  region?: LeadRegion;
  industry?: string;
  /** The pool it belongs to: the team's or region's default unless chosen. */
  poolId: string;
  /** Absent or null: it waits in the pool. A sales rep may only name themselves. */
  ownerId?: string | null;
  /** A customer the application found with one of these phones or e-mails: flagged, not refused. */
  matchingCustomerId?: string;
}

export function captureLead(command: CaptureLead, state: LeadState): LeadEvent[] {
  const { leadId, source } = command;
  if (state.status !== 'uncaptured') {
    throw leadError('LEAD_ALREADY_CAPTURED', `lead ${leadId} already exists`, { leadId });
  }
  const ownerId = command.ownerId == null ? null : requiredId('ownerId', command.ownerId);
  if (ownerId !== null && ownerId !== command.actor) requireRole(command, handOuts);
  const name = requiredText('name', command.name, 200);
  const company = optionalText('company', command.company, 200);
  const contacts = normaliseContacts(command);
  const campaignId = optionalText('campaignId', command.campaignId, 100);
  const notes = optionalText('notes', command.notes, 2000);
  const region = command.region && {
    province: requiredText('region.province', command.region.province, 50),
    city: requiredText('region.city', command.region.city, 50),
  };
  const industry = optionalText('industry', command.industry, 100);
  const poolId = requiredId('poolId', command.poolId);
  const matchingCustomerId = optionalText('matchingCustomerId', command.matchingCustomerId, 100);
  return [
    {
      type: 'LeadCaptured',
      data: {
        leadId,
        name,
        ...(company !== undefined && { company }),
        ...contacts,
        source,
        ...(campaignId !== undefined && { campaignId }),
        ...(notes !== undefined && { notes }),
        ...(region !== undefined && { region }),
        ...(industry !== undefined && { industry }),
        poolId,
        ownerId,
        ...(matchingCustomerId !== undefined && { matchingCustomerId }),
        capturedBy: command.actor,
        capturedAt: command.at,
      },
    },
  ];
}
