export * from './cloud-event-mapping.ts';
export * from './command-handler.ts';
export * from './projector.ts';
export * from './relay.ts';
