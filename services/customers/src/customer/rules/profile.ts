// A customer's profile: which fields apply to which kind, and how a profile or a change to it is
// normalised field by field. An empty list (no interests) counts as absent.
import {
  profileFieldsByKind,
  type CustomerKind,
  type CustomerProfile,
  type CustomerProfileChanges,
  type ProfileField,
} from '@crm/contracts';
import { customerError } from '../errors.ts';
import { normaliseProfileField } from './profile-fields.ts';

/** The profile given at registration, normalised; fields of the other kind are refused. */
export function normaliseProfile(
  kind: CustomerKind,
  profile: CustomerProfile,
  at: string,
): CustomerProfile {
  const normalised: Record<string, unknown> = {};
  for (const field of fieldsOf(profile)) {
    const value = profile[field];
    if (value === undefined) continue;
    requireApplicable(kind, field);
    const stored = normaliseProfileField(field, value, at);
    if (!isEmptyList(stored)) normalised[field] = stored;
  }
  return normalised as CustomerProfile;
}

/** A change to the profile, normalised; null (or an empty list) clears a field. */
export function normaliseProfileChanges(
  kind: CustomerKind,
  changes: CustomerProfileChanges,
  at: string,
): CustomerProfileChanges {
  const normalised: Record<string, unknown> = {};
  for (const field of fieldsOf(changes)) {
    const value = changes[field];
    if (value === undefined) continue;
    requireApplicable(kind, field);
    const stored = value === null ? null : normaliseProfileField(field, value, at);
    normalised[field] = isEmptyList(stored) ? null : stored;
  }
  return normalised;
}

const fieldsOf = (profile: object): ProfileField[] => Object.keys(profile) as ProfileField[];

function requireApplicable(kind: CustomerKind, field: ProfileField): void {
  const applicable: readonly ProfileField[] = profileFieldsByKind[kind];
  if (applicable.includes(field)) return;
  throw customerError('FIELD_NOT_APPLICABLE', `${field} does not apply to a ${kind}`, {
    field,
    kind,
  });
}

const isEmptyList = (value: unknown): boolean => Array.isArray(value) && value.length === 0;
