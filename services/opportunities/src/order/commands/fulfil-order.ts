import { optionalText } from '../../opportunity/rules/text.ts';
import type { OrderEvent, OrderState } from '../order.ts';
import { requireExisting, requirePlaced } from '../rules/status.ts';
import type { OrderCommandBase } from './command.ts';

/** Records that the ERP fulfilled (shipped) the order: from then on it cannot be cancelled. */
export interface FulfilOrder extends OrderCommandBase {
  type: 'FulfilOrder';
  /** The ERP's delivery or outbound document number (出库单号). */
  reference?: string;
}

export function fulfilOrder(command: FulfilOrder, state: OrderState): OrderEvent[] {
  if (requireExisting(state, command.orderId).status === 'fulfilled') return [];
  const order = requirePlaced(state, command.orderId);
  const reference = optionalText('reference', command.reference, 100);
  return [
    {
      type: 'OrderFulfilled',
      data: {
        orderId: order.orderId,
        orderNumber: order.orderNumber,
        ...(reference !== undefined && { reference }),
        fulfilledAt: command.at,
      },
    },
  ];
}
