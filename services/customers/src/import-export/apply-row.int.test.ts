// A row whose id is spent on a refused lead registration: no customer exists, so the import
// neither counts it as unchanged nor registers it; the row says why, in a dry run too.
import { randomUUID } from 'node:crypto';
import { openSqliteEventStore } from '@crm/event-store';
import { describe, expect, it } from 'vitest';
import { customersApplication } from '../customer/application.ts';
import { rowApplier, type ReadyRow } from './apply-row.ts';

const context = { actor: 'usr-importer', correlationId: 'corr-1', causationId: 'req-1' };

describe('rowApplier on a refused id', () => {
  it.each([false, true])(
    'rejects the row with REGISTRATION_REJECTED (dry run: %s)',
    async (dryRun) => {
      const store = openSqliteEventStore({ path: ':memory:' });
      const application = customersApplication(store);
      const customerId = randomUUID();
      await application.execute(
        customerId,
        { type: 'RejectRegistration', leadId: 'lead-1', reason: 'INVALID_REGISTRATION' },
        { ...context, actor: 'system:lead-conversion' },
      );
      const row: ReadyRow = {
        ok: true,
        customerId,
        externalId: 'ERP-1',
        input: {
          type: 'RegisterCustomer',
          kind: 'person',
          profile: { name: '王五' },
          phones: ['13900000077'],
          emails: [],
          source: 'import',
        },
      };
      const apply = rowApplier({
        application,
        context,
        dryRun,
        holderOf: () => Promise.resolve(null),
      });

      const outcome = await apply(row);

      expect(outcome).toMatchObject({
        status: 'rejected',
        customerId,
        errors: [{ code: 'REGISTRATION_REJECTED' }],
      });
      expect(await store.readStream(`customer-${customerId}`)).toHaveLength(1);
      await store.close();
    },
  );
});
