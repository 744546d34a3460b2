// Steps the sales API tests repeat: open an opportunity, read it after the write, take a quote
// to accepted. Each asserts its own HTTP status, so a failing step names itself.
import { expect } from 'vitest';
import { as, type Caller, type SalesTestApp } from './sales-test-app.ts';

export const anOpening = (overrides: Record<string, unknown> = {}) => ({
  customerId: 'cus-1',
  name: '数控机床采购 CNC purchase',
  amount: '100000.00',
  expectedCloseDate: '2026-05-28',
  ...overrides,
});

export const aLine = (overrides: Record<string, unknown> = {}) => ({
  lineId: 'l-1',
  productId: 'SKU-CNC-200',
  productName: '数控机床 CNC-200',
  quantity: 2,
  unitPrice: '50000.00',
  discountPercent: 10,
  ...overrides,
});

export async function openOpportunity(
  api: SalesTestApp,
  overrides: Record<string, unknown> = {},
  caller: Caller = as.rep1,
): Promise<{ id: string; revision: number; position: number }> {
  const answer = await api.request('POST', '/opportunities', {
    as: caller,
    body: anOpening(overrides),
  });
  expect(answer.status).toBe(201);
  return answer.body as { id: string; revision: number; position: number };
}

/** POST/PUT that must succeed (200/201); answers the write result. */
export async function write(
  api: SalesTestApp,
  method: 'POST' | 'PUT',
  url: string,
  body: unknown = {},
  caller: Caller = as.rep1,
): Promise<{ id: string; revision: number; position: number | null }> {
  const answer = await api.request(method, url, { as: caller, body });
  expect([200, 201], JSON.stringify(answer.body)).toContain(answer.status);
  return answer.body as { id: string; revision: number; position: number | null };
}

export async function acceptedQuote(api: SalesTestApp, opportunityId: string): Promise<string> {
  const drafted = await write(api, 'POST', `/opportunities/${opportunityId}/quotes`, {
    lines: [aLine()],
    validUntil: '2026-06-30',
  });
  await write(api, 'POST', `/quotes/${drafted.id}/issue`);
  await write(api, 'POST', `/quotes/${drafted.id}/accept`);
  return drafted.id;
}
