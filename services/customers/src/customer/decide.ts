// The customer decider: which events a command causes in a given state, or why it is refused.
// Each command lives in its own file under commands/; this switch is the one place that lists them.
import type { Decider } from '@crm/decider';
import { absorbDuplicate, type AbsorbDuplicate } from './commands/absorb-duplicate.ts';
import { archiveCustomer, type ArchiveCustomer } from './commands/archive-customer.ts';
import { assignOwner, type AssignOwner } from './commands/assign-owner.ts';
import { changeContacts, type ChangeContacts } from './commands/change-contacts.ts';
import { classifyCustomer, type ClassifyCustomer } from './commands/classify-customer.ts';
import { erasePersonalData, type ErasePersonalData } from './commands/erase-personal-data.ts';
import { logInteraction, type LogInteraction } from './commands/log-interaction.ts';
import { mergeDuplicate, type MergeDuplicate } from './commands/merge-duplicate.ts';
import { registerCustomer, type RegisterCustomer } from './commands/register-customer.ts';
import { rejectRegistration, type RejectRegistration } from './commands/reject-registration.ts';
import { restoreCustomer, type RestoreCustomer } from './commands/restore-customer.ts';
import { tagCustomer, type TagCustomer } from './commands/tag-customer.ts';
import { untagCustomer, type UntagCustomer } from './commands/untag-customer.ts';
import { updateProfile, type UpdateProfile } from './commands/update-profile.ts';
import { evolve, initialState, type CustomerEvent, type CustomerState } from './customer.ts';

export type CustomerCommand =
  | RegisterCustomer
  | RejectRegistration
  | UpdateProfile
  | ChangeContacts
  | TagCustomer
  | UntagCustomer
  | ClassifyCustomer
  | AssignOwner
  | LogInteraction
  | MergeDuplicate
  | AbsorbDuplicate
  | ArchiveCustomer
  | RestoreCustomer
  | ErasePersonalData;

/** The events the command causes ([] = nothing to do), or a thrown DomainError (errors.ts). */
export function decide(command: CustomerCommand, state: CustomerState): CustomerEvent[] {
  switch (command.type) {
    case 'RegisterCustomer':
      return registerCustomer(command, state);
    case 'RejectRegistration':
      return rejectRegistration(command, state);
    case 'UpdateProfile':
      return updateProfile(command, state);
    case 'ChangeContacts':
      return changeContacts(command, state);
    case 'TagCustomer':
      return tagCustomer(command, state);
    case 'UntagCustomer':
      return untagCustomer(command, state);
    case 'ClassifyCustomer':
      return classifyCustomer(command, state);
    case 'AssignOwner':
      return assignOwner(command, state);
    case 'LogInteraction':
      return logInteraction(command, state);
    case 'MergeDuplicate':
      return mergeDuplicate(command, state);
    case 'AbsorbDuplicate':
      return absorbDuplicate(command, state);
    case 'ArchiveCustomer':
      return archiveCustomer(command, state);
    case 'RestoreCustomer':
      return restoreCustomer(command, state);
    case 'ErasePersonalData':
      return erasePersonalData(command, state);
    default:
      return unknownCommand(command);
  }
}

// Types rule this out; a command built from untyped input at runtime still gets a clear answer.
function unknownCommand(command: never): never {
  throw new TypeError(`unknown customer command: ${String((command as { type: unknown }).type)}`);
}

export const customerDecider: Decider<CustomerCommand, CustomerEvent, CustomerState> = {
  initialState,
  decide,
  evolve,
};
