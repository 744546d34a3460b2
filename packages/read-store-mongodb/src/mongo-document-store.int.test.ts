import { describeDocumentStoreContract } from '@crm/read-store/testing';
import { realServers } from '@crm/test-servers';
import { beforeAll } from 'vitest';
import { mongoFixture } from './testing/mongo-fixture.ts';

// Once, with time to install and start FerretDB on a cold machine: the suite's own setup
// allows 30 s per test.
beforeAll(async () => {
  await realServers();
}, 300_000);

describeDocumentStoreContract('MongoDB protocol (FerretDB on these machines)', () =>
  mongoFixture('read_store'),
);
