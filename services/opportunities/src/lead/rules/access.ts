// Who may act on a lead. Roles arrive with the command; the owner check lives here, in the domain,
// because "only the owner or a manager" depends on the lead's state at the moment of deciding.
import type { LeadActorRole, LeadCommandBase } from '../commands/command.ts';
import { leadError } from '../errors.ts';

export function requireRole(
  command: LeadCommandBase & { type: string },
  allowed: readonly LeadActorRole[],
): void {
  if (allowed.includes(command.actorRole)) return;
  throw leadError('ROLE_NOT_ALLOWED', `${command.actorRole} may not ${command.type}`, {
    role: command.actorRole,
    allowed,
  });
}

/** A sales rep acts only on the leads they own; managers and the system act on any lead. */
export function requireOwnerOrManager(ownerId: string | null, command: LeadCommandBase): void {
  if (command.actorRole !== 'sales_rep' || ownerId === command.actor) return;
  throw leadError('NOT_LEAD_OWNER', `lead ${command.leadId} is not owned by ${command.actor}`, {
    leadId: command.leadId,
    ownerId,
  });
}

/** Only managers and the system hand leads to someone other than themselves. */
export const handOuts: readonly LeadActorRole[] = ['sales_manager', 'system'];
