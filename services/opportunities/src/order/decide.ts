// The order decider: which events a command causes in a given state, or why it is refused.
// Each command lives in its own file under commands/; this switch is the one place that lists them.
import type { Decider } from '@crm/decider';
import { cancelOrder, type CancelOrder } from './commands/cancel-order.ts';
import { fulfilOrder, type FulfilOrder } from './commands/fulfil-order.ts';
import { placeOrder, type PlaceOrder } from './commands/place-order.ts';
import { evolve, initialState, type OrderEvent, type OrderState } from './order.ts';

export type OrderCommand = PlaceOrder | FulfilOrder | CancelOrder;

/** The events the command causes ([] = nothing to do), or a thrown DomainError (errors.ts). */
export function decide(command: OrderCommand, state: OrderState): OrderEvent[] {
  switch (command.type) {
    case 'PlaceOrder':
      return placeOrder(command, state);
    case 'FulfilOrder':
      return fulfilOrder(command, state);
    case 'CancelOrder':
      return cancelOrder(command, state);
    default:
      return unknownCommand(command);
  }
}

// Types rule this out; a command built from untyped input at runtime still gets a clear answer.
function unknownCommand(command: never): never {
  throw new TypeError(`unknown order command: ${String((command as { type: unknown }).type)}`);
}

export const orderDecider: Decider<OrderCommand, OrderEvent, OrderState> = {
  initialState,
  decide,
  evolve,
};
