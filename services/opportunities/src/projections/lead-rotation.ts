// Read model `lead_rotation`: per team, the rep who got the last lead assigned by a rule (the
// round-robin cursor). Derived from the log, so the rotation survives restarts; guarded by the
// global position, so a replay never moves it backwards.
import type { Projection } from '@crm/event-processing';
import type { Document, DocumentStore } from '@crm/read-store';
import type { LeadEvent } from '../lead/events.ts';
import type { SalesTeams } from '../sales-teams.ts';
import { LEAD_CATEGORY } from '../streams.ts';

export const ROTATION = 'lead_rotation';

interface RotationDoc extends Document {
  /** The team id. */
  _id: string;
  repId: string;
  leadId: string;
}

export function leadRotation(teams: SalesTeams): Projection {
  return {
    name: 'lead-rotation',
    version: 1,
    categories: [LEAD_CATEGORY],
    collections: [ROTATION],
    handle: async (recorded, store) => {
      const event = recorded as unknown as LeadEvent;
      if (event.type !== 'LeadAssigned' || event.data.rule === 'manual') return;
      const team = teams.teamOf(event.data.ownerId);
      if (!team) return;
      await store
        .collection<RotationDoc>(ROTATION)
        .put(
          { _id: team.id, repId: event.data.ownerId, leadId: event.data.leadId },
          recorded.position,
        );
    },
  };
}

/** The rep who got the team's previous lead by rule; null: the rotation starts over. */
export const rotationCursor = async (
  store: DocumentStore,
  teamId: string,
): Promise<string | null> =>
  (await store.collection<RotationDoc>(ROTATION).get(teamId))?.repId ?? null;
