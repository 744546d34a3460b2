// A rep's open claims (the leads they hold, claimed or assigned, not yet converted or
// disqualified), counted on the lead list read model for the pool's claim limit.
import type { DocumentStore } from '@crm/read-store';
import { LEADS, type LeadView } from '../projections/lead-view.ts';

export const countOpenClaims = (documents: DocumentStore, repId: string): Promise<number> =>
  documents
    .collection<LeadView>(LEADS)
    .count({ ownerId: repId, status: { $in: ['open', 'qualified'] } });
