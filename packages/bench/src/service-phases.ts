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

/** An open-loop rate counts as sustained when the answers kept up within 2%. */
export const SUSTAINED_SHARE = 0.98;

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
  /** When the target rate was not sustained: the same at half the rate of phase 1. */
  sustainableLag?: KafkaLagFigures;
}

/** Half the closed-loop rate of phase 1, in tens: a rate the service keeps up with. */
export const sustainableRate = (registerPerSecond: number): number =>
  Math.max(10, Math.floor(registerPerSecond / 2 / 10) * 10);

export async function serviceUnderLoad(options: {
  servers: RealServers;
  names: RunNames;
  settings: ServiceSettings;
  /** Asked afresh for each phase: a server restarted under the run has a new process. */
  probes: () => CpuProbe[];
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
  const probes = () => [...options.probes(), { name: 'customers service', pid: server.pid }];
  try {
    const call = client(server.baseUrl, token);
    const nextPhone = phoneSequence('138');
    say(
      `1/4 POST /customers on the customers process, ${s.connections} connections, ${s.seconds} s`,
    );
    let cpu = measureCpu(probes());
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

    const lagAt = (ratePerSecond: number, groupId: string) => {
      say(`2/4 append -> Kafka -> consumer lag, ${ratePerSecond}/s for ${s.lagSeconds} s`);
      const topic = customersTopic(names);
      return measureKafkaLag({
        bus,
        topic,
        groupId,
        call,
        nextPhone,
        ratePerSecond,
        seconds: s.lagSeconds,
      });
    };
    cpu = measureCpu(probes());
    const lag = await lagAt(s.lagRatePerSecond, names.service.lagGroup);
    const lagCpu = cpu.stop();
    const figures = { register: runs.measured, registerCpu, drainMs, lag, lagCpu };
    if (lag.failed === 0 && lag.achievedPerSecond >= lag.targetPerSecond * SUSTAINED_SHARE) {
      return figures;
    }
    const rate = sustainableRate(runs.measured.requestsPerSecond);
    return {
      ...figures,
      sustainableLag: await lagAt(rate, `${names.service.lagGroup}.sustainable`),
    };
  } catch (error) {
    process.stderr.write(`customers process output:\n${server.output().slice(-4_000)}\n`);
    throw error;
  } finally {
    await bus.close();
    await server.stop();
  }
}
