// The one place opportunities errors become HTTP answers beyond what the service kit maps itself:
// domain refusals (DomainError) are mapped by their kind (invalid 422, not_found 404, forbidden
// 403, conflict 409), concurrency conflicts to 409 by the kit.
import type { MapError } from '@crm/service-kit';

export const mapOpportunitiesError: MapError = () => undefined;
