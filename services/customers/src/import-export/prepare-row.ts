// One data row, checked without I/O: the same zod schema as POST /customers (so the rules cannot
// drift), every bad field named, then the customer id and the RegisterCustomer input.
import type { CustomerCommandInput } from '../customer/application.ts';
import { registerBody, type RegisterBody } from '../customer/api-schemas.ts';
import { columnOf, readRow, type Column } from './columns.ts';
import { importedCustomerId } from './customer-key.ts';

export type RegisterInput = Extract<CustomerCommandInput, { type: 'RegisterCustomer' }>;

export interface RowError {
  /** The column at fault ('' when the row as a whole is). */
  field: string;
  code: string;
  message: string;
  /** DUPLICATE_CONTACT: who holds the phone or e-mail already. */
  existingCustomerId?: string;
}

export type PreparedRow =
  | { ok: true; customerId: string; externalId: string | undefined; input: RegisterInput }
  | { ok: false; externalId: string | undefined; errors: RowError[] };

export function prepareRow(columns: readonly Column[], cells: readonly string[]): PreparedRow {
  const { body, externalId, unnamed } = readRow(columns, cells);
  const errors: RowError[] = [];
  if (cells.length > columns.length) {
    errors.push({
      field: '',
      code: 'TOO_MANY_CELLS',
      message: `the row has ${cells.length} cells, the header names ${columns.length} columns`,
    });
  } else if (unnamed.length > 0) {
    errors.push({
      field: '',
      code: 'UNNAMED_COLUMN',
      message: `values in columns without a header: ${unnamed.join(', ')}`,
    });
  }
  if (cells.some((cell) => cell.includes('\uFFFD'))) {
    errors.push({
      field: '',
      code: 'NOT_UTF8',
      message: 'the row is not UTF-8 text: save the file as "CSV UTF-8"',
    });
  }
  const parsed = registerBody.safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      errors.push({
        field: columnOf(issue.path.map(String).join('.')),
        code: issue.code,
        message: issue.message,
      });
    }
  }
  if (!parsed.success || errors.length > 0) return { ok: false, externalId, errors };
  const customerId = importedCustomerId({ ...parsed.data, externalId });
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
  return { ok: true, customerId, externalId, input: toRegisterInput(parsed.data) };
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
