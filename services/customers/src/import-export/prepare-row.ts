// One data row, checked without I/O: the same zod schema as POST /customers (so the rules cannot
// drift), every bad field named, then the customer id and the RegisterCustomer input.
import { checkRow, type RowError as CsvRowError } from '@crm/csv-import';
import type { CustomerCommandInput } from '../customer/application.ts';
import { registerBody, type RegisterBody } from '../customer/api-schemas.ts';
import { columnOf, readRow, type Column } from './columns.ts';
import { importedCustomerId } from './customer-key.ts';

export type RegisterInput = Extract<CustomerCommandInput, { type: 'RegisterCustomer' }>;

export type RowError = CsvRowError & {
  /** DUPLICATE_CONTACT: who holds the phone or e-mail already. */
  existingCustomerId?: string;
};

export type PreparedRow =
  | { ok: true; customerId: string; externalId: string | undefined; input: RegisterInput }
  | { ok: false; externalId: string | undefined; errors: RowError[] };

export function prepareRow(columns: readonly Column[], cells: readonly string[]): PreparedRow {
  const checked = checkRow(readRow(columns, cells), cells, {
    columnCount: columns.length,
    schema: registerBody,
    columnOf,
  });
  if (!checked.ok) return checked;
  const { data, externalId } = checked;
  const customerId = importedCustomerId({ ...data, externalId });
  if (customerId === null) {
    return {
      ok: false,
      externalId,
      errors: [
        {
          field: 'phones',
          code: 'CONTACT_REQUIRED',
          message: 'a customer needs at least one phone number or e-mail address',
        },
      ],
    };
  }
  return { ok: true, customerId, externalId, input: toRegisterInput(data) };
}

/** As POST /customers builds it; an import without an owner puts the customer in the pool. */
function toRegisterInput(body: RegisterBody): RegisterInput {
  const {
    id: _id,
    kind,
    phones,
    emails,
    tags,
    lifecycleStage,
    size,
    valueTier,
    source,
    ownerId,
  } = body;
  const { name, address, gender, birthday, interests, industry, website } = body;
  const { registeredCapital, creditCode } = body;
  const profile = {
    name,
    ...(address && { address }),
    ...(gender && { gender }),
    ...(birthday && { birthday }),
    ...(interests && { interests }),
    ...(industry && { industry }),
    ...(website && { website }),
    ...(registeredCapital && { registeredCapital }),
    ...(creditCode && { creditCode }),
  };
  return {
    type: 'RegisterCustomer',
    kind,
    profile,
    phones,
    emails,
    tags,
    classification: {
      ...(lifecycleStage && { lifecycleStage }),
      ...(size && { size }),
      ...(valueTier && { valueTier }),
    },
    ...(source && { source }),
    ownerId: ownerId ?? null,
  };
}
