export * from './document-store-contract.ts';
