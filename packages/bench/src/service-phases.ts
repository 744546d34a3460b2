// Phases 1 and 2 of the distributed run: the customers process under closed-loop load, then at a
// steady open-loop rate with a Kafka consumer timing each event from the log to itself.
import { openKafkaEventBus } from '@crm/event-bus-kafka';
import type { RealServers } from '@crm/test-servers';
import { measureCpu, type CpuProbe } from './cpu-usage.ts';
import { customersTopic, PARTITIONS, startCustomersProcess } from './customers-process.ts';
import { assertAllSucceeded, measureHttpLoad, type HttpLoadFigures } from './http-load.ts';
import { measureKafkaLag, type KafkaLagFigures } from './kafka-lag.ts';
import { phoneSequence } from './phone-sequence.ts';
import { client, registration } from './platform-client.ts';
import { drainReadModels } from './read-lag.ts';
import type { RunNames } from './run-resources.ts';

export interface ServiceSettings {
  connections: number;
  warmupSeconds: number;
  seconds: number;
  lagRatePerSecond: number;
  lagSeconds: number;
}

export interface ServiceFigures {
  register: HttpLoadFigures;
  registerCpu: Record<string, number>;
  /** After the burst, until one more customer was readable: the read models caught up. */
  drainMs: number;
  lag: KafkaLagFigures;
  lagCpu: Record<string, number>;
}

export async function serviceUnderLoad(options: {
  servers: RealServers;
  names: RunNames;
  settings: ServiceSettings;
  probes: readonly CpuProbe[];
  say: (line: string) => void;
}): Promise<ServiceFigures> {
  const { servers, names, settings: s, say } = options;
  const { server, token } = await startCustomersProcess(servers, names);
  const bus = await openKafkaEventBus({
    brokers: servers.kafkaBrokers,
    clientId: `${names.run}-lag`,
    defaultPartitions: PARTITIONS,
    logLevel: 'error',
  });
  const probes = [...options.probes, { name: 'customers service', pid: server.pid }];
  try {
    const call = client(server.baseUrl, token);
    const nextPhone = phoneSequence('138');
    say(
      `1/4 POST /customers on the customers process, ${s.connections} connections, ${s.seconds} s`,
    );
    let cpu = measureCpu(probes);
    const runs = await measureHttpLoad({
      url: server.baseUrl,
      connections: s.connections,
      warmupSeconds: s.warmupSeconds,
      seconds: s.seconds,
      request: {
        method: 'POST',
        path: '/customers',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        setupRequest: (request) => ({ ...request, body: JSON.stringify(registration(nextPhone)) }),
      },
    });
    const registerCpu = cpu.stop();
    assertAllSucceeded('POST /customers', runs);
    const drainMs = await drainReadModels(call, nextPhone, 300_000);

    say(`2/4 append -> Kafka -> consumer lag, ${s.lagRatePerSecond}/s for ${s.lagSeconds} s`);
    cpu = measureCpu(probes);
    const lag = await measureKafkaLag({
      bus,
      topic: customersTopic(names),
      groupId: names.service.lagGroup,
      call,
      nextPhone,
      ratePerSecond: s.lagRatePerSecond,
      seconds: s.lagSeconds,
    });
    return { register: runs.measured, registerCpu, drainMs, lag, lagCpu: cpu.stop() };
  } catch (error) {
    process.stderr.write(`customers process output:\n${server.output().slice(-4_000)}\n`);
    throw error;
  } finally {
    await bus.close();
    await server.stop();
  }
}
