// Assignment rules (分配规则), as a pure function: the application loads the team's reps and the
// round-robin cursor, asks which rep a rule chooses, then sends AssignLead with that rule.
// Every rule rotates among the reps it finds eligible, so the work is shared fairly within any
// region or industry too, and a rep joining or leaving the team does not reset the rotation.
import type { LeadAssignmentRule, LeadRegion } from '@crm/contracts';

export interface TeamRep {
  repId: string;
  /** Regions the rep covers; one without a city covers the whole province. */
  regions: readonly { province: string; city?: string }[];
  industries: readonly string[];
}

export interface AssignmentInput {
  /** The team's reps, in the team's order (the rotation order). */
  reps: readonly TeamRep[];
  /** The rep who got the previous lead by rule; null (or a rep no longer in the team): start over. */
  cursor: string | null;
  lead: { region?: LeadRegion; industry?: string };
}

export type AutomaticAssignmentRule = Exclude<LeadAssignmentRule, 'manual'>;

/**
 * The rep the rule chooses (also the next cursor), or undefined when no rep is eligible: the lead
 * then stays in its pool for someone to claim.
 */
export function chooseRep(
  rule: AutomaticAssignmentRule,
  { reps, cursor, lead }: AssignmentInput,
): string | undefined {
  const start = reps.findIndex((rep) => rep.repId === cursor) + 1;
  const rotation = [...reps.slice(start), ...reps.slice(0, start)];
  return rotation.find((rep) => isEligible(rule, rep, lead))?.repId;
}

function isEligible(
  rule: AutomaticAssignmentRule,
  rep: TeamRep,
  lead: AssignmentInput['lead'],
): boolean {
  switch (rule) {
    case 'round_robin':
      return true;
    case 'region':
      return lead.region !== undefined && covers(rep, lead.region);
    case 'industry':
      return lead.industry !== undefined && rep.industries.includes(lead.industry);
  }
}

const covers = (rep: TeamRep, region: LeadRegion): boolean =>
  rep.regions.some(
    (covered) =>
      covered.province === region.province &&
      (covered.city === undefined || covered.city === region.city),
  );
