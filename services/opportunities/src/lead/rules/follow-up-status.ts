// Where the follow-up status can go next: forward to any later status (a first visit can end in
// negotiation), and back one step when a deal cools. Never back to new: contact was made.
//
//   new ──> first_contact ──> negotiating ──> about_to_close
//            ^───────────────────┘ ^──────────────────┘
import type { LeadFollowUpStatus } from '@crm/contracts';
import { leadError } from '../errors.ts';

export const followUpTransitions: Readonly<
  Record<LeadFollowUpStatus, readonly LeadFollowUpStatus[]>
> = {
  new: ['first_contact', 'negotiating', 'about_to_close'],
  first_contact: ['negotiating', 'about_to_close'],
  negotiating: ['about_to_close', 'first_contact'],
  about_to_close: ['negotiating'],
};

export function requireFollowUpTransition(from: LeadFollowUpStatus, to: LeadFollowUpStatus): void {
  if (followUpTransitions[from].includes(to)) return;
  throw leadError('ILLEGAL_FOLLOW_UP_TRANSITION', `cannot move from ${from} to ${to}`, {
    from,
    to,
  });
}
