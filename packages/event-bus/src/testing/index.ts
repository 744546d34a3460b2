export * from './event-bus-contract.ts';
export * from './bus-test-kit.ts';
