// The one place customers errors become HTTP answers; domain refusals are mapped by the service
// kit from their kind (invalid 422, not_found 404, conflict 409).
import { problem, type MapError } from '@crm/service-kit';
import { ContactTaken } from './contacts/contact-claims.ts';

export const mapCustomersError: MapError = (error) => {
  if (error instanceof ContactTaken) {
    return problem({
      status: 409,
      code: 'DUPLICATE_CONTACT',
      title: 'Duplicate contact',
      detail: `This ${error.contact.kind} already belongs to customer ${error.existingCustomerId}.`,
      extra: { existingCustomerId: error.existingCustomerId, contact: error.contact },
    });
  }
  return undefined;
};
