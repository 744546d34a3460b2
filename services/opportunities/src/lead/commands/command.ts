// What every lead command carries besides its own fields. Time, ids and who is acting arrive with
// the command: the decider has no clock, makes up no ids and looks nobody up.

/**
 * How the actor may act on leads: a sales_rep only on the leads they own, a sales_manager on any
 * lead of the team (admins act as managers), the system for automation (assignment rules,
 * recycling, reactions to other services).
 */
export type LeadActorRole = 'sales_rep' | 'sales_manager' | 'system';

export interface LeadCommandBase {
  /** The lead the command is for (its stream). */
  leadId: string;
  /** ISO-8601 time the command was issued: the decider's only clock. */
  at: string;
  /** The user id (or `system:<component>`) issuing it. */
  actor: string;
  actorRole: LeadActorRole;
}
