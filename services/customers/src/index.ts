export { createCustomersService, type CustomersPorts, type CustomersService } from './service.ts';
export { mapCustomersError } from './errors.ts';
export { SOURCE as CUSTOMERS_SOURCE } from './publish.ts';
