// An id spent on a refused lead registration (RegistrationRejected, written by the lead-conversion
// reaction): no customer to read or change, and no registering it by hand either.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { personBody } from '../testing/customers-client.ts';
import { expectProblem, useCustomersApi } from '../testing/use-customers-api.ts';

const context = useCustomersApi();

async function refused(reason = 'DUPLICATE_CONTACT') {
  const customerId = randomUUID();
  await context.testApp.service.application.execute(
    customerId,
    {
      type: 'RejectRegistration',
      leadId: 'lead-77',
      reason,
      existingCustomerId: 'cus-existing',
    },
    { actor: 'system:lead-conversion', correlationId: 'corr-1', causationId: 'evt-1' },
  );
  return customerId;
}

describe('a refused registration', () => {
  it('answers 409 REGISTRATION_REJECTED to registering the id, naming the lead and the holder', async () => {
    const id = await refused();
    const answer = await context.api.request('POST', '/customers', { body: personBody({ id }) });
    expect(expectProblem(answer, 409, 'REGISTRATION_REJECTED').details).toEqual({
      customerId: id,
      leadId: 'lead-77',
      reason: 'DUPLICATE_CONTACT',
      existingCustomerId: 'cus-existing',
    });
  });

  it('leaves the phone of the refused registration free for another customer', async () => {
    const id = await refused();
    const rejected = await context.api.request('POST', '/customers', {
      body: personBody({ id, phones: ['13900000042'] }),
    });
    expectProblem(rejected, 409, 'REGISTRATION_REJECTED');
    const answer = await context.api.request('POST', '/customers', {
      body: personBody({ phones: ['13900000042'] }),
    });
    expect(answer.status).toBe(201);
  });

  it('is no customer: 404 to reads and changes, asOf included', async () => {
    const id = await refused('INVALID_REGISTRATION');
    const read = await context.api.request('GET', `/customers/${id}`);
    expectProblem(read, 404, 'CUSTOMER_NOT_FOUND');
    const asOf = await context.api.request('GET', `/customers/${id}?asOf=2999-01-01T00:00:00Z`);
    expectProblem(asOf, 404, 'CUSTOMER_NOT_FOUND');
    const tag = await context.api.request('POST', `/customers/${id}/tags`, {
      body: { tags: ['VIP'] },
    });
    expect(expectProblem(tag, 404, 'CUSTOMER_NOT_FOUND').details).toMatchObject({
      registrationRejected: 'INVALID_REGISTRATION',
    });
  });
});
