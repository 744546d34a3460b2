import { requiredText } from '../../opportunity/rules/text.ts';
import type { OrderEvent, OrderState } from '../order.ts';
import { requireExisting, requirePlaced } from '../rules/status.ts';
import type { OrderCommandBase } from './command.ts';

/** Cancels the order before it is fulfilled; the ERP voids it. */
export interface CancelOrder extends OrderCommandBase {
  type: 'CancelOrder';
  reason: string;
}

export function cancelOrder(command: CancelOrder, state: OrderState): OrderEvent[] {
  if (requireExisting(state, command.orderId).status === 'cancelled') return [];
  const order = requirePlaced(state, command.orderId);
  const reason = requiredText('reason', command.reason, 500);
  return [
    {
      type: 'OrderCancelled',
      data: {
        orderId: order.orderId,
        orderNumber: order.orderNumber,
        reason,
        cancelledAt: command.at,
      },
    },
  ];
}
