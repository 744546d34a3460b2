export * from './cloud-event.ts';
export * from './kafka-binding.ts';
export * from './topics.ts';
export * from './customers.ts';
export * from './leads.ts';
export * from './opportunities.ts';
export * from './contacts.ts';
export * from './uuid-v5.ts';
