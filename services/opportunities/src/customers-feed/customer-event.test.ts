// Reading crm.customers.v1 messages: what is handled, what is ignored, what is parked at once.
import { isPermanentError } from '@crm/event-bus';
import { describe, expect, it } from 'vitest';
import { readCustomerEvent } from './customer-event.ts';
import { aRegistration, aRejection, customerMessage } from './feed-fixtures.ts';
import { leadAnswerOf } from './registration-outcome.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const thrown = (read: () => unknown): unknown => {
  try {
    read();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
};

describe('readCustomerEvent', () => {
  it('answers the typed event with the stream revision and trace of its envelope', () => {
    const message = customerMessage(aRegistration(), 4, {
      id: '0b8e5f4e-1c2d-4a5b-8c7d-9e0f1a2b3c4d',
    });
    expect(readCustomerEvent(message)).toEqual({
      ...aRegistration(),
      id: '0b8e5f4e-1c2d-4a5b-8c7d-9e0f1a2b3c4d',
      revision: 4,
      correlationId: 'corr-feed-test',
    });
  });

  it('ignores a well-formed type it does not know (a newer event of the customers service)', () => {
    const message = customerMessage(aRegistration(), 0);
    message.headers.ce_type = 'crm.customer.loyalty_points_granted.v1';
    expect(readCustomerEvent(message)).toBeNull();
  });

  it.each([
    ['data that is not JSON', { value: encode('{not json') }, 'UNREADABLE_MESSAGE'],
    ['a type that is no CloudEvent type', { type: 'CustomerRegistered' }, 'UNREADABLE_MESSAGE'],
    ['no stream revision', { revision: 'none' }, 'UNREADABLE_MESSAGE'],
  ])('refuses for good %s', (_what, change, code) => {
    const message = customerMessage(aRegistration(), 0);
    if ('value' in change) message.value = change.value;
    if ('type' in change) message.headers.ce_type = change.type;
    if ('revision' in change) delete message.headers.ce_streamrevision;
    const error = thrown(() => readCustomerEvent(message));
    expect(isPermanentError(error)).toBe(true);
    expect((error as { code?: string }).code).toBe(code);
  });

  it('refuses for good data that breaks the schema of its type', () => {
    const message = customerMessage(aRegistration({ phones: ['138 1234 5678'] }), 0);
    const error = thrown(() => readCustomerEvent(message));
    expect(isPermanentError(error)).toBe(true);
  });

  it('refuses for good an event whose subject is another customer', () => {
    const message = customerMessage(aRegistration(), 0, { subject: 'cus-other' });
    const error = thrown(() => readCustomerEvent(message));
    expect(isPermanentError(error)).toBe(true);
    expect((error as { code?: string }).code).toBe('SUBJECT_MISMATCH');
  });
});

describe('leadAnswerOf', () => {
  const read = (message: ReturnType<typeof customerMessage>) => readCustomerEvent(message)!;

  it('answers registered for a customer registered from a lead', () => {
    const event = read(
      customerMessage(aRegistration({ customerId: 'cus-lead-7', leadId: 'lead-7' }), 0),
    );
    expect(leadAnswerOf(event)).toEqual({
      leadId: 'lead-7',
      customerId: 'cus-lead-7',
      outcome: { status: 'registered' },
    });
  });

  it('answers rejected with the reason and the customer holding the contact', () => {
    expect(leadAnswerOf(read(customerMessage(aRejection(), 0)))).toEqual({
      leadId: 'lead-1001',
      customerId: 'cus-lead-1001',
      outcome: { status: 'rejected', reason: 'DUPLICATE_CONTACT', existingCustomerId: 'cus-0042' },
    });
  });

  it('answers nothing for a customer registered otherwise, or any other event', () => {
    expect(leadAnswerOf(read(customerMessage(aRegistration(), 0)))).toBeNull();
    const archived = read(
      customerMessage(
        { type: 'crm.customer.archived.v1', data: { customerId: 'cus-0042', reason: 'x' } },
        1,
      ),
    );
    expect(leadAnswerOf(archived)).toBeNull();
  });
});
