// The recycler (自动回收): every so often, each owned lead whose owner has not followed it up within
// its pool's time goes back to the pool, with the reason, as the system. The read model finds the
// candidates; the decider has the last word (a follow-up logged meanwhile wins), and the expected
// revision makes two instances sweeping at once return each lead once.
import { randomUUID } from 'node:crypto';
import { isDomainError } from '@crm/decider';
import type { ProjectorLogger } from '@crm/event-processing';
import type { DocumentStore } from '@crm/read-store';
import type { LeadContext, LeadsApplication } from '../lead/application.ts';
import { LEADS, type LeadView } from '../projections/lead-view.ts';

const HOUR = 3_600_000;
export const RECYCLER_ACTOR = 'system:lead-recycler';

export interface LeadRecyclerOptions {
  leads: LeadsApplication;
  documentStore: DocumentStore;
  clock: () => Date;
  logger: ProjectorLogger;
  /** 0: no timer (sweep() only, e.g. in tests). */
  intervalMs: number;
}

export class LeadRecycler {
  readonly #options: LeadRecyclerOptions;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<unknown> | undefined;
  #stopped = true;

  constructor(options: LeadRecyclerOptions) {
    this.#options = options;
  }

  start(): void {
    this.#stopped = false;
    this.#schedule();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
  }

  /** One pass over every pool; answers the ids of the leads it returned. */
  async sweep(): Promise<string[]> {
    const { leads, documentStore, clock } = this.#options;
    const now = clock().getTime();
    const context: LeadContext = {
      actor: RECYCLER_ACTOR,
      actorRole: 'system',
      correlationId: randomUUID(),
      causationId: `lead-recycler:${new Date(now).toISOString()}`,
    };
    const returned: string[] = [];
    for (const pool of leads.pools.pools) {
      const dueBefore = new Date(now - pool.recycleAfterHours * HOUR).toISOString();
      const filter = {
        poolId: pool.id,
        status: { $in: ['open', 'qualified'] },
        ownerId: { $ne: null },
        lastFollowUpAt: { $lte: dueBefore },
      };
      let cursor: string | undefined;
      do {
        const page = await documentStore
          .collection<LeadView>(LEADS)
          .find(filter, { limit: 200, ...(cursor !== undefined && { cursor }) });
        for (const lead of page.items) {
          if (await this.#returnLead(lead.leadId, context)) returned.push(lead.leadId);
        }
        cursor = page.nextCursor;
      } while (cursor !== undefined);
    }
    return returned;
  }

  async #returnLead(leadId: string, context: LeadContext): Promise<boolean> {
    try {
      const write = await this.#options.leads.execute(
        leadId,
        { type: 'ReturnLeadToPool', reason: 'no_follow_up' },
        context,
      );
      return write.changed;
    } catch (error) {
      // Followed up, converted or moved since the read model saw it: not ours to return.
      if (isDomainError(error)) return false;
      throw error;
    }
  }

  #schedule(): void {
    const { intervalMs, logger } = this.#options;
    if (this.#stopped || intervalMs <= 0) return;
    this.#timer = setTimeout(() => {
      this.#running = this.sweep()
        .then((ids) => {
          if (ids.length > 0) logger.info({ leadIds: ids }, 'leads returned to their pools');
        })
        .catch((error: unknown) => logger.error({ err: error }, 'lead recycling failed'))
        .finally(() => {
          this.#running = undefined;
          this.#schedule();
        });
    }, intervalMs);
  }
}
