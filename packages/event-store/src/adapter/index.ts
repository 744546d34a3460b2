// For adapters of the port only (`@crm/event-store/adapter`): what every adapter must do the
// same way, so they cannot drift apart. Services never import this.
export * from './append-decision.ts';
export * from './catch-up-subscription.ts';
