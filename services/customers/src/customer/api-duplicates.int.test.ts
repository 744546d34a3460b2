// Phones and e-mails belong to one customer at a time, however they are typed and however many
// registrations race for them; changing contacts, erasure and failed registrations free them.
import { describe, expect, it } from 'vitest';
import { companyBody, personBody } from '../testing/customers-client.ts';
import { expectProblem, useCustomersApi } from '../testing/use-customers-api.ts';

const context = useCustomersApi();

describe('duplicate contacts', () => {
  it('refuses a phone another customer has, typed differently, with 409 DUPLICATE_CONTACT', async () => {
    const { api } = context;
    const first = await api.register(personBody({ phones: ['13800138000'] }));
    const answer = await api.request('POST', '/customers', {
      body: personBody({ phones: ['+86 138-0013-8000'] }),
    });
    expect(expectProblem(answer, 409, 'DUPLICATE_CONTACT')).toMatchObject({
      existingCustomerId: first.id,
      contact: { kind: 'phone', value: '+8613800138000' },
    });
  });

  it('refuses an e-mail another customer has, in another case, with 409 DUPLICATE_CONTACT', async () => {
    const { api } = context;
    const first = await api.register(personBody({ emails: ['li.lei@example.com'] }));
    const answer = await api.request('POST', '/customers', {
      body: personBody({ emails: ['Li.Lei@EXAMPLE.com'] }),
    });
    expect(expectProblem(answer, 409, 'DUPLICATE_CONTACT')).toMatchObject({
      existingCustomerId: first.id,
      contact: { kind: 'email', value: 'li.lei@example.com' },
    });
  });

  it('lets exactly one of 10 concurrent registrations with one phone win', async () => {
    const { api } = context;
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        api.request('POST', '/customers', {
          body: personBody({ name: `客户${index}`, phones: ['13800138000'] }),
        }),
      ),
    );
    const winners = answers.filter((answer) => answer.status === 201);
    expect(answers.map((answer) => answer.status).sort()).toEqual([
      201,
      ...Array<number>(9).fill(409),
    ]);
    for (const loser of answers.filter((answer) => answer.status !== 201)) {
      expect(expectProblem(loser, 409, 'DUPLICATE_CONTACT').existingCustomerId).toBe(
        winners[0]?.body.id,
      );
    }
  });

  it('keeps the phone with the winner when registrations of one id race', async () => {
    const { api } = context;
    const id = '0b9e7a52-53c4-4a2f-9d59-4f7c1f4d2a11';
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        api.request('POST', '/customers', { body: personBody({ id, phones: ['13800138000'] }) }),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409, 409, 409]);
    // The losers must not release the claim the winner holds: the phone is still taken.
    const again = await api.request('POST', '/customers', {
      body: personBody({ phones: ['+86 138 0013 8000'] }),
    });
    expect(expectProblem(again, 409, 'DUPLICATE_CONTACT').existingCustomerId).toBe(id);
  });

  it('keeps one holder per phone once concurrent registrations have settled', async () => {
    const { api } = context;
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        api.request('POST', '/customers', { body: personBody({ phones: ['13800138000'] }) }),
      ),
    );
    const last = Math.max(...answers.map((answer) => Number(answer.body.position ?? 0)));
    const holders = await api.search({ phone: '13800138000', status: 'all' }, last);
    expect(holders.body.items).toHaveLength(1);
  });

  it('frees the old phone and takes the new one when contacts change', async () => {
    const { api } = context;
    const first = await api.register(personBody({ phones: ['13800138000'] }));
    await api.write('PUT', `/customers/${first.id}/contacts`, {
      body: { phones: ['13900139000'], emails: [] },
    });
    const onNewPhone = await api.request('POST', '/customers', {
      body: personBody({ phones: ['139 0013 9000'] }),
    });
    expect(expectProblem(onNewPhone, 409, 'DUPLICATE_CONTACT').existingCustomerId).toBe(first.id);
    const onOldPhone = await api.request('POST', '/customers', {
      body: personBody({ phones: ['138 0013 8000'] }),
    });
    expect(onOldPhone.status).toBe(201);
  });

  it('refuses to change contacts to a phone another customer has', async () => {
    const { api } = context;
    const holder = await api.register(personBody({ phones: ['13800138000'] }));
    const other = await api.register();
    const answer = await api.request('PUT', `/customers/${other.id}/contacts`, {
      body: { phones: ['+8613800138000'], emails: [] },
    });
    expect(expectProblem(answer, 409, 'DUPLICATE_CONTACT').existingCustomerId).toBe(holder.id);
  });

  it('frees the phone of an erased customer', async () => {
    const { api } = context;
    const first = await api.register(personBody({ phones: ['13800138000'] }));
    await api.write('POST', `/customers/${first.id}/erase`, {
      as: 'admin',
      body: { reason: 'data_subject_request' },
    });
    const answer = await api.request('POST', '/customers', {
      body: personBody({ phones: ['13800138000'] }),
    });
    expect(answer.status).toBe(201);
  });

  it('moves the phones of a merged duplicate to the survivor', async () => {
    const { api } = context;
    const survivor = await api.register();
    const duplicate = await api.register(personBody({ phones: ['13800138000'] }));
    await api.write('POST', `/customers/${survivor.id}/merge`, {
      body: { duplicateId: duplicate.id },
    });
    const answer = await api.request('POST', '/customers', {
      body: personBody({ phones: ['13800138000'] }),
    });
    expect(expectProblem(answer, 409, 'DUPLICATE_CONTACT').existingCustomerId).toBe(survivor.id);
  });

  it('leaves the phone free when the registration is refused', async () => {
    const { api } = context;
    const refused = await api.request('POST', '/customers', {
      body: companyBody({ phones: ['13800138000'], birthday: '1990-01-01' }),
    });
    expectProblem(refused, 422, 'FIELD_NOT_APPLICABLE');
    const answer = await api.request('POST', '/customers', {
      body: personBody({ phones: ['13800138000'] }),
    });
    expect(answer.status).toBe(201);
  });

  it('takes a phone typed twice in one registration once', async () => {
    const { api } = context;
    const { id } = await api.register(personBody({ phones: ['13800138000', '+86 138 0013 8000'] }));
    expect((await api.get(id, 0)).body.phones).toEqual(['+8613800138000']);
  });
});
