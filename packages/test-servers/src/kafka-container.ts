// Kafka in KRaft mode from the apache/kafka image (the one infra/compose runs). @testcontainers/kafka
// drives only Confluent's cp-kafka, so this follows testcontainers-java's apache/kafka module: the
// container waits for a start script, written once the host port it must advertise is known.
import {
  BoundPorts,
  GenericContainer,
  getContainerRuntimeClient,
  Wait,
  waitForContainer,
  type StartedTestContainer,
} from 'testcontainers';

const clientPort = 9092;
const startScript = '/tmp/crm-kafka-start.sh';
// Written after the script, so the loop never runs a script still being copied in.
const readyFlag = '/tmp/crm-kafka-start.ready';
const waitingLine = 'crm-test-servers: waiting for the start script';
const startupTimeoutMs = 180_000;

// The native server's settings (infra/servers/start.sh), as the image's KAFKA_* variables.
const environment = {
  CLUSTER_ID: '4L6g3nShT-eMCtK--X86sw',
  KAFKA_NODE_ID: '1',
  KAFKA_PROCESS_ROLES: 'broker,controller',
  KAFKA_LISTENERS: `PLAINTEXT://:${clientPort},BROKER://:9093,CONTROLLER://:9094`,
  KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'PLAINTEXT:PLAINTEXT,BROKER:PLAINTEXT,CONTROLLER:PLAINTEXT',
  KAFKA_INTER_BROKER_LISTENER_NAME: 'BROKER',
  KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
  KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9094',
  KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
  KAFKA_NUM_PARTITIONS: '3',
  KAFKA_DEFAULT_REPLICATION_FACTOR: '1',
  KAFKA_MIN_INSYNC_REPLICAS: '1',
  KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
  KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS: '10',
  KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
  KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
  KAFKA_TRANSACTION_STATE_LOG_NUM_PARTITIONS: '10',
  KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR: '1',
  KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR: '1',
  KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
};

/** A one-node KRaft broker+controller; `url` is the KAFKA_BROKERS value reachable from the host. */
export async function startKafkaContainer(
  image: string,
): Promise<{ url: string; container: StartedTestContainer }> {
  const container = await new GenericContainer(image)
    .withExposedPorts(clientPort)
    .withEnvironment(environment)
    .withEntrypoint(['sh'])
    .withCommand([
      '-c',
      `echo '${waitingLine}'; while [ ! -f ${readyFlag} ]; do sleep 0.1; done; exec bash ${startScript}`,
    ])
    .withWaitStrategy(Wait.forLogMessage(waitingLine))
    .start();
  try {
    const brokers = `${container.getHost()}:${container.getMappedPort(clientPort)}`;
    // Clients get the mapped host port; the broker reaches itself by its container hostname.
    const advertised = `PLAINTEXT://${brokers},BROKER://${container.getHostname()}:9093`;
    const script = `#!/bin/bash\nexport KAFKA_ADVERTISED_LISTENERS=${advertised}\nexec /etc/kafka/docker/run\n`;
    await container.copyContentToContainer([{ content: script, target: startScript, mode: 0o755 }]);
    await container.copyContentToContainer([{ content: '', target: readyFlag }]);
    await waitForLine(container, /Transitioning from RECOVERY to RUNNING/);
    return { url: brokers, container };
  } catch (error) {
    // A failed wait has already removed it; the error worth reporting is the first one.
    await container.stop().catch(() => undefined);
    throw error;
  }
}

/** The broker logs this once it is unfenced and serves clients. */
async function waitForLine(container: StartedTestContainer, line: RegExp): Promise<void> {
  const client = await getContainerRuntimeClient();
  const strategy = Wait.forLogMessage(line).withStartupTimeout(startupTimeoutMs);
  await waitForContainer(
    client,
    client.container.getById(container.getId()),
    strategy,
    new BoundPorts(),
  );
}
