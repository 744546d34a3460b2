export * from './event-store-contract.ts';
