export * from './cloud-event-mapping.ts';
export * from './command-handler.ts';
export * from './projection.ts';
export * from './projector.ts';
export * from './relay.ts';
export * from './wait-until.ts';
export type { CatchUpWindowOptions } from './projector-window.ts';
