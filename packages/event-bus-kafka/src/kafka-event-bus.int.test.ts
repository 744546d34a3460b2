// The Kafka adapter on a real broker: the port's contract suite, unchanged.
import { describeEventBusContract } from '@crm/event-bus/testing';
import { realServers } from '@crm/test-servers';
import { beforeAll } from 'vitest';
import { kafkaBusFixture, serverStartTimeout } from './testing/kafka-bus-fixture.ts';

// Found (or installed and started, on a cold machine) once, before the suite's 30 s hooks run.
beforeAll(() => realServers(), serverStartTimeout);

describeEventBusContract('Kafka', () => kafkaBusFixture());
