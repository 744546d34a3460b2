// Who buys and where things go, as the ERP and the VAT invoice need them: the buyer's invoice
// details, billing and shipping addresses (province / city / district) and the recipient.
import { normalizePhone } from '@crm/contracts';
import { optionalText, requiredText } from '../../opportunity/rules/text.ts';
import type { Address, OrderCustomer, Recipient } from '../order.ts';
import { invalidField } from '../errors.ts';

/** As the application sends them; fields are trimmed, country CN when absent. */
export interface AddressInput {
  country?: string;
  province: string;
  city: string;
  district?: string;
  street?: string;
  postalCode?: string;
}

export interface OrderCustomerInput {
  customerId: string;
  name: string;
  kind?: 'person' | 'company';
  taxId?: string;
  phone?: string;
  bankName?: string;
  bankAccount?: string;
}

export interface RecipientInput {
  name: string;
  phone?: string;
}

export function normaliseAddress(field: string, address: AddressInput | undefined): Address {
  if (address == null) throw invalidField(field, 'required');
  const country = (address.country ?? 'CN').trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) {
    throw invalidField(`${field}.country`, 'malformed', { value: address.country });
  }
  const district = optionalText(`${field}.district`, address.district, 50);
  const street = optionalText(`${field}.street`, address.street, 200);
  const postalCode = optionalText(`${field}.postalCode`, address.postalCode, 16);
  return {
    country,
    province: requiredText(`${field}.province`, address.province, 50),
    city: requiredText(`${field}.city`, address.city, 50),
    ...(district !== undefined && { district }),
    ...(street !== undefined && { street }),
    ...(postalCode !== undefined && { postalCode }),
  };
}

function phone(field: string, value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const normalised = normalizePhone(value);
  if (!normalised.ok)
    throw invalidField(field, 'malformed', { value, rejection: normalised.reason });
  return normalised.e164;
}

// 18-character credit codes today; 15- and 20-character taxpayer ids still appear on old records.
function taxId(value: string | undefined): string | undefined {
  const id = value?.replaceAll(/\s/g, '').toUpperCase() ?? '';
  if (id === '') return undefined;
  if (!/^[0-9A-Z]{15,20}$/.test(id)) throw invalidField('customer.taxId', 'malformed', { value });
  return id;
}

export function normaliseCustomer(customer: OrderCustomerInput | undefined): OrderCustomer {
  if (customer == null) throw invalidField('customer', 'required');
  const { kind } = customer;
  if (kind !== undefined && kind !== 'person' && kind !== 'company') {
    throw invalidField('customer.kind', 'malformed', { value: kind });
  }
  const id = taxId(customer.taxId);
  const phoneNumber = phone('customer.phone', customer.phone);
  const bankName = optionalText('customer.bankName', customer.bankName, 200);
  const bankAccount = optionalText('customer.bankAccount', customer.bankAccount, 50);
  return {
    customerId: requiredText('customer.customerId', customer.customerId, 100),
    name: requiredText('customer.name', customer.name, 200),
    ...(kind !== undefined && { kind }),
    ...(id !== undefined && { taxId: id }),
    ...(phoneNumber !== undefined && { phone: phoneNumber }),
    ...(bankName !== undefined && { bankName }),
    ...(bankAccount !== undefined && { bankAccount }),
  };
}

export function normaliseRecipient(recipient: RecipientInput | undefined): Recipient | undefined {
  if (recipient === undefined) return undefined;
  const phoneNumber = phone('recipient.phone', recipient.phone);
  return {
    name: requiredText('recipient.name', recipient.name, 100),
    ...(phoneNumber !== undefined && { phone: phoneNumber }),
  };
}
