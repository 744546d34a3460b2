// GET /opportunities/closing: the open opportunities expected to close this month or quarter
// (Asia/Shanghai days from the injected clock), with their totals per currency.
import type { ServiceApp } from '@crm/service-kit';
import { OPPORTUNITIES } from '../projections/sales-opportunities.ts';
import type { OpportunityView } from '../projections/sales-opportunity-view.ts';
import type { SalesDeps } from '../sales-deps.ts';
import { closingQuery } from './api-schemas.ts';
import { viewerOf } from './http.ts';
import { waitForPosition } from '@crm/service-kit';
import { withCustomerNames } from './queries.ts';
import { addAmounts } from './rules/money.ts';
import { closingWindow, ownerScope } from './scope.ts';

const tags = ['opportunities'];

export function registerClosingQueryRoutes(app: ServiceApp, deps: SalesDeps): void {
  const { documentStore, projector } = deps;
  const views = documentStore.collection<OpportunityView>(OPPORTUNITIES);
  const withCustomers = (items: OpportunityView[]) => withCustomerNames(deps, items);
  app.get(
    '/opportunities/closing',
    {
      schema: {
        tags,
        summary: 'Open opportunities expected to close this month or quarter',
        querystring: closingQuery,
      },
    },
    async (request) => {
      const { period, ownerId, team, limit, waitForPosition: position } = request.query;
      await waitForPosition(projector, position);
      const window = closingWindow(period, deps.clock());
      const scope = ownerScope(deps.teams.visibility(viewerOf(request)), ownerId);
      const base = { period, ...window };
      if (scope === null) return { ...base, items: [], totals: [] };
      const page = await views.find(
        {
          $and: [
            scope,
            { status: 'open' },
            { expectedCloseDate: { $gte: window.from } },
            { expectedCloseDate: { $lte: window.to } },
            ...(team === undefined ? [] : [{ team }]),
          ],
        },
        { sort: { field: 'expectedCloseDate', direction: 'asc' }, limit },
      );
      return { ...base, items: await withCustomers(page.items), totals: totalsOf(page.items) };
    },
  );
}

/** Per currency: how many, their amount and weighted amount (exact decimal sums). */
function totalsOf(items: readonly OpportunityView[]) {
  const totals = new Map<
    string,
    { currency: string; count: number; amount: string; weightedAmount: string }
  >();
  for (const item of items) {
    const known = totals.get(item.currency) ?? {
      currency: item.currency,
      count: 0,
      amount: '0.00',
      weightedAmount: '0.00',
    };
    totals.set(item.currency, {
      currency: item.currency,
      count: known.count + 1,
      amount: addAmounts(known.amount, item.amount),
      weightedAmount: addAmounts(known.weightedAmount, item.weightedAmount),
    });
  }
  return [...totals.values()];
}
