// Seeds the sales demo (leads, opportunities, a quote and an order) through the public HTTP API,
// each step as the user who would do it (the rep on their own leads, the manager handing out), so
// role scoping, claims and the deciders apply as in real use. Runs once, on an empty sales log.
import type { FastifyInstance } from 'fastify';
import { demoCustomers } from './customers.ts';
import { demoLeads, MANAGER, type DemoLead } from './sales-leads.ts';
import { demoOpportunities, type DemoLine, type DemoOpportunity } from './sales-opportunities.ts';
import {
  closeDate,
  dayFromNow,
  seedClient,
  type SeedClient,
  type TokenFor,
} from './seed-client.ts';

export interface SalesSeeded {
  leads: number;
  opportunities: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const REPS = new Set(['u-li-lei', 'u-han-meimei']);

export async function seedSalesDemo(
  app: FastifyInstance,
  tokenFor: TokenFor,
  now = new Date(),
): Promise<SalesSeeded> {
  const client = seedClient(app, tokenFor);
  const names = [
    ...demoOpportunities.map((demo) => demo.customer),
    ...demoLeads.flatMap((demo) =>
      demo.outcome && 'convert' in demo.outcome && demo.outcome.convert.existingCustomer
        ? [demo.outcome.convert.existingCustomer]
        : [],
    ),
  ];
  const customerIds = await demoCustomerIds(client, new Set(names));
  let converted = 0;
  for (const demo of demoLeads) {
    if (await seedLead(client, demo, customerIds, now)) converted += 1;
  }
  for (const demo of demoOpportunities) {
    await seedOpportunity(client, demo, customerIds.get(demo.customer)!, now);
  }
  return { leads: demoLeads.length, opportunities: demoOpportunities.length + converted };
}

/**
 * The ids of the demo customers opportunities are opened on, by name. They are usually the ones
 * the customers seed registered a moment ago (their list catches up within milliseconds); one
 * that is missing (renamed, or a data folder from before) is registered again.
 */
async function demoCustomerIds(client: SeedClient, names: Set<string>) {
  const ids = new Map<string, string>();
  const deadline = Date.now() + 5_000;
  for (const name of names) {
    for (;;) {
      const url = `/customers?name=${encodeURIComponent(name)}&status=all&limit=20`;
      const { items } = (await client.send(MANAGER, 'GET', url)) as {
        items: { _id: string; name: string | null }[];
      };
      const found = items.find((item) => item.name === name);
      if (found) {
        ids.set(name, found._id);
        break;
      }
      if (Date.now() > deadline) {
        const body = demoCustomers.find((demo) => demo.body.name === name)?.body;
        if (!body) throw new Error(`demo data: no demo customer named ${name}`);
        ids.set(name, String((await client.send(MANAGER, 'POST', '/customers', body)).id));
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return ids;
}

/** Captures one lead and plays its story; true when it was converted. */
async function seedLead(
  client: SeedClient,
  demo: DemoLead,
  customerIds: Map<string, string>,
  now: Date,
): Promise<boolean> {
  const { id } = await client.send(demo.capturedBy, 'POST', '/leads', demo.body);
  const lead = `/leads/${String(id)}`;
  if (demo.claimedBy) await client.send(demo.claimedBy, 'POST', `${lead}/claim`);
  if (demo.assignedTo) {
    await client.send(MANAGER, 'POST', `${lead}/assign`, {
      rule: 'manual',
      ownerId: demo.assignedTo,
    });
  }
  const owner =
    demo.claimedBy ?? demo.assignedTo ?? (REPS.has(demo.capturedBy) ? demo.capturedBy : MANAGER);
  const send = (path: string, payload: Record<string, unknown> = {}) =>
    client.send(owner, 'POST', `${lead}/${path}`, payload);

  if (demo.followUpStatus) await send('follow-up-status', { status: demo.followUpStatus });
  for (const { daysAgo, ...activity } of demo.activities ?? []) {
    const occurredAt = new Date(now.getTime() - daysAgo * DAY - 2 * HOUR).toISOString();
    await send('activities', { ...activity, occurredAt });
  }
  for (const { dueInHours, note } of demo.followUps ?? []) {
    if (dueInHours === 'overdue') {
      // The API refuses a due time in the past beyond its clock tolerance (5 minutes).
      const dueAt = new Date(now.getTime() - 3 * 60_000).toISOString();
      await send('follow-ups', { dueAt, note });
    } else {
      const dueAt = new Date(now.getTime() + dueInHours * HOUR);
      const remindAt = new Date(dueAt.getTime() - HOUR);
      await send('follow-ups', {
        dueAt: dueAt.toISOString(),
        remindAt: remindAt.toISOString(),
        note,
      });
    }
  }
  if (demo.releasedWith) await send('release', { reason: demo.releasedWith });

  const outcome = demo.outcome;
  if (!outcome) return false;
  if ('disqualify' in outcome) {
    await send('disqualify', { reason: outcome.disqualify, note: outcome.note });
    return false;
  }
  await send('qualify', 'qualify' in outcome ? { note: outcome.qualify } : {});
  if (!('convert' in outcome)) return false;
  const existing = outcome.convert.existingCustomer;
  const { name, amount, close } = outcome.opportunity;
  await send('convert', {
    ...(existing && { existingCustomerId: customerIds.get(existing)! }),
    opportunity: { name, amount, currency: 'CNY', expectedCloseDate: closeDate(now, close) },
  });
  return true;
}

/** 元 with 2 decimals, from cents: quantity × unit price × (1 − discount). */
const lineTotalCents = (line: DemoLine) =>
  Math.round(line.quantity * Number(line.unitPrice) * (100 - (line.discountPercent ?? 0)));
const yuan = (cents: number) => (cents / 100).toFixed(2);

async function seedOpportunity(
  client: SeedClient,
  demo: DemoOpportunity,
  customerId: string,
  now: Date,
): Promise<void> {
  const lineItems = demo.lines.map((line, index) => ({ lineId: `l${index + 1}`, ...line }));
  const opened = await client.send(demo.owner, 'POST', '/opportunities', {
    customerId,
    name: demo.name,
    currency: 'CNY',
    lineItems,
    expectedCloseDate: closeDate(now, demo.close),
    stage: demo.stage,
  });
  const opportunity = `/opportunities/${String(opened.id)}`;
  const send = (path: string, payload: Record<string, unknown> = {}) =>
    client.send(demo.owner, 'POST', path, payload);

  for (const competitor of demo.competitors ?? []) {
    await send(`${opportunity}/competitors`, competitor);
  }
  if (demo.order) {
    const { taxId, address, recipient, phone } = demo.order;
    const quote = await send(`${opportunity}/quotes`, {
      lines: lineItems.map((line) => ({ ...line, taxRatePercent: 13 })),
      validUntil: dayFromNow(now, 14),
      note: '含一年标准运维；实施按人天结算。',
    });
    const quoteId = String(quote.id);
    await send(`/quotes/${quoteId}/issue`);
    await send(`/quotes/${quoteId}/accept`);
    const place = { country: 'CN', ...address };
    await send('/orders', {
      quoteId,
      customer: { name: demo.customer, kind: 'company', taxId },
      billingAddress: place,
      shippingAddress: place,
      recipient: { name: recipient, phone },
      requestedDeliveryDate: dayFromNow(now, 10),
    });
    const total = demo.lines.reduce((sum, line) => sum + lineTotalCents(line), 0);
    await send(`${opportunity}/win`, { actualAmount: yuan(total) });
  }
  if (demo.lost) await send(`${opportunity}/lose`, demo.lost);
}
