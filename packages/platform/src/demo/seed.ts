// Seeds the demo data through the public HTTP API (as a client would), so the demo goes through
// the same validation, claims, deciders and log as real use. Runs once, on an empty log.
import type { FastifyInstance } from 'fastify';
import { demoCustomers } from './customers.ts';

const DAY = 86_400_000;

export async function seedDemoData(
  app: FastifyInstance,
  token: string,
  now = new Date(),
): Promise<number> {
  const headers = { authorization: `Bearer ${token}` };
  for (const { body, interactions } of demoCustomers) {
    const created = await app.inject({ method: 'POST', url: '/customers', headers, payload: body });
    if (created.statusCode !== 201) throw new Error(`demo customer refused: ${created.body}`);
    const { id } = created.json<{ id: string }>();
    for (const { daysAgo, followUpInDays, ...interaction } of interactions) {
      const occurredAt = new Date(now.getTime() - Number(daysAgo) * DAY);
      const payload = {
        ...interaction,
        occurredAt: occurredAt.toISOString(),
        ...(followUpInDays === undefined
          ? {}
          : {
              nextFollowUpAt: new Date(now.getTime() + Number(followUpInDays) * DAY).toISOString(),
            }),
      };
      const logged = await app.inject({
        method: 'POST',
        url: `/customers/${id}/interactions`,
        headers,
        payload,
      });
      if (logged.statusCode !== 201) throw new Error(`demo interaction refused: ${logged.body}`);
    }
  }
  return demoCustomers.length;
}
