export { openKafkaEventBus } from './kafka-event-bus.ts';
export type { KafkaEventBusOptions, KafkaRetry } from './kafka-event-bus.ts';
export type { BusLogger, KafkaLogLevel } from './kafka-logging.ts';
