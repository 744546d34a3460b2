// What the API answers to input it cannot take: 400 naming every bad field, the transport errors
// (malformed JSON, wrong media type, too large, no route), and the domain's refusals by code.
import type { FieldError } from '@crm/service-kit';
import { describe, expect, it } from 'vitest';
import { companyBody, interactionBody, personBody } from '../testing/customers-client.ts';
import { expectProblem, useCustomersApi } from '../testing/use-customers-api.ts';

const context = useCustomersApi();
const fieldsOf = (body: Record<string, unknown>) =>
  (body.errors as FieldError[]).map((error) => `${error.in}:${error.path}`).sort();

describe('bad input', () => {
  it('answers a body with several bad fields with 400 naming every one', async () => {
    const answer = await context.api.request('POST', '/customers', {
      body: {
        kind: 'alien',
        name: '名'.repeat(201),
        phones: ['12345'],
        emails: ['not-an-email'],
      },
    });
    const body = expectProblem(answer, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(body)).toEqual(['body:emails.0', 'body:kind', 'body:name', 'body:phones.0']);
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const answer = await context.api.request('POST', '/customers', {
      headers: { 'content-type': 'application/json' },
      body: '{"kind": "person", "name": ',
    });
    expectProblem(answer, 400, 'MALFORMED_JSON');
  });

  it('answers a body that is not JSON with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const answer = await context.api.request('POST', '/customers', {
      headers: { 'content-type': 'application/xml' },
      body: '<customer kind="person"/>',
    });
    expectProblem(answer, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers a body over the limit with 413 PAYLOAD_TOO_LARGE', async () => {
    const answer = await context.api.request('POST', '/customers', {
      body: personBody({ name: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expectProblem(answer, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers an unknown route with 404 ROUTE_NOT_FOUND', async () => {
    expectProblem(await context.api.request('GET', '/customer'), 404, 'ROUTE_NOT_FOUND');
    expectProblem(await context.api.request('DELETE', '/customers'), 404, 'ROUTE_NOT_FOUND');
  });

  it('answers bad search parameters with 400 naming each', async () => {
    const answer = await context.api.request(
      'GET',
      '/customers?limit=0&status=gone&phone=abc&sort=age',
    );
    const body = expectProblem(answer, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(body)).toEqual([
      'querystring:limit',
      'querystring:phone',
      'querystring:sort',
      'querystring:status',
    ]);
  });

  it('answers an If-Match that is no revision with 400', async () => {
    const { api } = context;
    const { id } = await api.register();
    const answer = await api.request('PATCH', `/customers/${id}`, {
      body: { name: '张三' },
      headers: { 'if-match': 'yesterday' },
    });
    expect(fieldsOf(expectProblem(answer, 400, 'VALIDATION_FAILED'))).toEqual(['headers:if-match']);
  });

  it('refuses an interaction dated in the future with 422 INVALID_FIELD', async () => {
    const { api } = context;
    const { id } = await api.register();
    const answer = await api.request('POST', `/customers/${id}/interactions`, {
      body: interactionBody({ occurredAt: new Date(Date.now() + 86_400_000).toISOString() }),
    });
    expect(expectProblem(answer, 422, 'INVALID_FIELD').details).toMatchObject({
      field: 'occurredAt',
      reason: 'in_future',
    });
  });
});

describe('domain refusals', () => {
  it('refuses a person-only field on a company with 422 FIELD_NOT_APPLICABLE', async () => {
    const answer = await context.api.request('POST', '/customers', {
      body: companyBody({ gender: 'female' }),
    });
    expect(expectProblem(answer, 422, 'FIELD_NOT_APPLICABLE').details).toEqual({
      field: 'gender',
      kind: 'company',
    });
  });

  it('refuses a customer without a phone or e-mail with 422 CONTACT_REQUIRED', async () => {
    const answer = await context.api.request('POST', '/customers', {
      body: personBody({ phones: [], emails: [] }),
    });
    expectProblem(answer, 422, 'CONTACT_REQUIRED');
  });

  it('refuses an illegal lifecycle move with 409 ILLEGAL_LIFECYCLE_TRANSITION', async () => {
    const { api } = context;
    const { id } = await api.register();
    const answer = await api.request('PUT', `/customers/${id}/classification`, {
      body: { lifecycleStage: 'at_risk' },
    });
    expect(expectProblem(answer, 409, 'ILLEGAL_LIFECYCLE_TRANSITION').details).toEqual({
      from: 'lead',
      to: 'at_risk',
    });
  });

  const UNKNOWN = '00000000-0000-4000-8000-000000000000';
  it.each([
    ['GET', `/customers/${UNKNOWN}`, undefined],
    ['GET', `/customers/${UNKNOWN}/timeline`, undefined],
    ['PATCH', `/customers/${UNKNOWN}`, { name: '张三' }],
    ['PUT', `/customers/${UNKNOWN}/contacts`, { phones: ['13800138000'], emails: [] }],
    ['POST', `/customers/${UNKNOWN}/tags`, { tags: ['VIP'] }],
    ['POST', `/customers/${UNKNOWN}/tags/remove`, { tags: ['VIP'] }],
    ['PUT', `/customers/${UNKNOWN}/classification`, { size: 'small' }],
    ['PUT', `/customers/${UNKNOWN}/owner`, { ownerId: 'u-1' }],
    ['POST', `/customers/${UNKNOWN}/interactions`, interactionBody()],
    ['POST', `/customers/${UNKNOWN}/archive`, { reason: '重复' }],
    ['POST', `/customers/${UNKNOWN}/restore`, undefined],
    ['POST', `/customers/${UNKNOWN}/erase`, { reason: 'data_subject_request' }],
  ] as const)(
    'answers %s %s on an unknown id with 404 CUSTOMER_NOT_FOUND',
    async (method, url, body) => {
      const answer = await context.api.request(method, url, { as: 'admin', body });
      expectProblem(answer, 404, 'CUSTOMER_NOT_FOUND');
    },
  );

  it('answers a merge with an unknown survivor or duplicate with 404 CUSTOMER_NOT_FOUND', async () => {
    const { api } = context;
    const { id } = await api.register();
    const survivorUnknown = await api.request('POST', `/customers/${UNKNOWN}/merge`, {
      body: { duplicateId: id },
    });
    const duplicateUnknown = await api.request('POST', `/customers/${id}/merge`, {
      body: { duplicateId: UNKNOWN },
    });
    expectProblem(survivorUnknown, 404, 'CUSTOMER_NOT_FOUND');
    expectProblem(duplicateUnknown, 404, 'CUSTOMER_NOT_FOUND');
  });

  it('refuses to merge a customer into itself with 422 CANNOT_MERGE_INTO_SELF', async () => {
    const { api } = context;
    const { id } = await api.register();
    const answer = await api.request('POST', `/customers/${id}/merge`, {
      body: { duplicateId: id },
    });
    expectProblem(answer, 422, 'CANNOT_MERGE_INTO_SELF');
  });

  it('refuses to update an archived customer with 409 CUSTOMER_ARCHIVED', async () => {
    const { api } = context;
    const { id } = await api.register();
    await api.write('POST', `/customers/${id}/archive`, { body: { reason: '已停业' } });
    const answer = await api.request('PATCH', `/customers/${id}`, { body: { name: '张三' } });
    expectProblem(answer, 409, 'CUSTOMER_ARCHIVED');
  });

  it('refuses to update a merged customer with 409 CUSTOMER_MERGED naming the survivor', async () => {
    const { api } = context;
    const survivor = await api.register();
    const duplicate = await api.register();
    await api.write('POST', `/customers/${survivor.id}/merge`, {
      body: { duplicateId: duplicate.id },
    });
    const answer = await api.request('POST', `/customers/${duplicate.id}/tags`, {
      body: { tags: ['VIP'] },
    });
    expect(expectProblem(answer, 409, 'CUSTOMER_MERGED').details).toMatchObject({
      mergedInto: survivor.id,
    });
  });

  it('refuses to update an erased customer with 409 CUSTOMER_ERASED', async () => {
    const { api } = context;
    const { id } = await api.register();
    await api.write('POST', `/customers/${id}/erase`, {
      as: 'admin',
      body: { reason: 'retention_expired' },
    });
    const answer = await api.request('PATCH', `/customers/${id}`, { body: { name: '张三' } });
    expectProblem(answer, 409, 'CUSTOMER_ERASED');
  });
});
