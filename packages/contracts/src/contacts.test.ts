import { describe, expect, it } from 'vitest';
import { contactCountRefusal, maxPhones, normalizeContacts } from './contacts.ts';

describe('normalizeContacts', () => {
  it('normalises phones to E.164 and e-mails to lower case, collapsing duplicates, order kept', () => {
    expect(
      normalizeContacts({
        phones: ['138 0013 8000', '+86 13800138000', '010-62345678'],
        emails: ['Li.Lei@Example.com', 'li.lei@example.com'],
      }),
    ).toEqual({
      ok: true,
      contacts: { phones: ['+8613800138000', '+861062345678'], emails: ['li.lei@example.com'] },
    });
  });

  it('refuses the first phone that cannot be read, naming it and why', () => {
    expect(normalizeContacts({ phones: ['13800138000', 'call me'], emails: ['x'] })).toEqual({
      ok: false,
      refusal: {
        code: 'INVALID_PHONE',
        message: 'not a phone number: call me',
        value: 'call me',
        index: 1,
        reason: 'invalid_characters',
      },
    });
  });

  it('refuses an e-mail that cannot be read', () => {
    const result = normalizeContacts({ phones: [], emails: ['nobody'] });
    expect(!result.ok && result.refusal).toMatchObject({
      code: 'INVALID_EMAIL',
      value: 'nobody',
      index: 0,
      reason: 'invalid_format',
    });
  });
});

describe('contactCountRefusal', () => {
  it('wants at least one phone or e-mail', () => {
    expect(contactCountRefusal({ phones: [], emails: [] })).toMatchObject({
      code: 'CONTACT_REQUIRED',
    });
    expect(contactCountRefusal({ phones: [], emails: ['a@b.cn'] })).toBeNull();
  });

  it('takes at most ten of each', () => {
    const phones = Array.from({ length: maxPhones + 1 }, (_, i) => `+86138001380${10 + i}`);
    expect(contactCountRefusal({ phones, emails: [] })).toEqual({
      code: 'TOO_MANY',
      field: 'phones',
      limit: 10,
    });
  });
});
