// The order use cases. Placing loads what the order decider cannot read itself: the accepted
// quote, the opportunity's owner and the buyer from the local customer lookup (deps.customers,
// fed from crm.customers.v1: this service never calls the customers service).
import { opportunityDecider } from '../opportunity/decide.ts';
import {
  loadStream,
  runCommand,
  type InputOf,
  type Loaded,
  type SalesContext,
  type WriteResult,
} from '../opportunity/sales-command.ts';
import { quoteDecider } from '../quote/decide.ts';
import { quoteError } from '../quote/errors.ts';
import { quoteSnapshot } from '../quote/snapshot.ts';
import type { SalesDeps } from '../sales-deps.ts';
import { opportunityStreamId, orderStreamId, quoteStreamId } from '../streams.ts';
import type { PlaceOrder } from './commands/place-order.ts';
import { orderDecider, type OrderCommand } from './decide.ts';
import { orderError } from './errors.ts';
import { orderIdForQuote, type OrderState } from './order.ts';
import { reserveOrderNumber } from './order-numbers.ts';
import type { OrderCustomerInput } from './rules/parties.ts';

/** Invoice details the lookup does not hold; the buyer name defaults to the customer's name. */
export type PlaceOrderInput = Pick<
  PlaceOrder,
  'billingAddress' | 'shippingAddress' | 'recipient' | 'requestedDeliveryDate' | 'note'
> & { customer?: Partial<Omit<OrderCustomerInput, 'customerId'>> };

export type OrderChange = Exclude<InputOf<OrderCommand, 'orderId'>, { type: 'PlaceOrder' }>;

export interface OrdersApplication {
  /** Places the order of an accepted quote (id orderIdForQuote(quoteId): one per quote). */
  place(quoteId: string, input: PlaceOrderInput, context: SalesContext): Promise<WriteResult>;
  execute(
    orderId: string,
    input: OrderChange,
    context: SalesContext,
    expectedRevision?: number,
  ): Promise<WriteResult>;
  load(orderId: string): Promise<Loaded<OrderState>>;
}

export function ordersApplication(deps: SalesDeps): OrdersApplication {
  const { eventStore: store, clock } = deps;
  const load = (orderId: string) => loadStream(store, orderDecider, orderStreamId(orderId));
  const run = (
    orderId: string,
    command: OrderCommand,
    context: SalesContext,
    expectedRevision?: number,
  ) =>
    runCommand({
      store,
      decider: orderDecider,
      streamId: orderStreamId(orderId),
      id: orderId,
      command,
      context,
      expectedRevision,
    });

  return {
    load,
    place: async (quoteId, input, context) => {
      const quote = quoteSnapshot(
        (await loadStream(store, quoteDecider, quoteStreamId(quoteId))).state,
      );
      if (!quote)
        throw quoteError('QUOTE_NOT_FOUND', `quote ${quoteId} does not exist`, { quoteId });
      const orderId = orderIdForQuote(quoteId);
      const at = clock().toISOString();
      const base = { orderId, at, actor: context.actor };
      const existing = (await load(orderId)).state;
      if (existing.status !== 'unplaced') {
        const { orderNumber } = existing;
        throw orderError(
          'ORDER_ALREADY_PLACED',
          `order ${orderNumber} exists for quote ${quoteId}`,
          {
            orderId,
            orderNumber,
            quoteId,
          },
        );
      }
      if (quote.status !== 'accepted') {
        throw orderError('QUOTE_NOT_ACCEPTED', `quote ${quoteId} is ${quote.status}`, {
          quoteId,
          status: quote.status,
        });
      }
      const opportunity = (
        await loadStream(store, opportunityDecider, opportunityStreamId(quote.opportunityId))
      ).state;
      const known = await deps.customers.get(quote.customerId);
      const name = input.customer?.name ?? known?.name;
      if (name === undefined || name.trim() === '') {
        throw orderError(
          'CUSTOMER_NOT_KNOWN',
          `customer ${quote.customerId} is not known here yet: give the buyer name`,
          { customerId: quote.customerId, field: 'customer.name' },
        );
      }
      const customer: OrderCustomerInput = {
        ...input.customer,
        customerId: quote.customerId,
        name,
        ...(input.customer?.kind === undefined && known && { kind: known.kind }),
      };
      const ownerId =
        opportunity.status === 'unopened' ? (known?.ownerId ?? context.actor) : opportunity.ownerId;
      const { actorRoles: _roles, ...metadata } = context;
      const orderNumber = await reserveOrderNumber(store, orderId, at, metadata);
      return run(
        orderId,
        {
          ...base,
          type: 'PlaceOrder',
          orderNumber,
          quote,
          customer,
          ownerId,
          billingAddress: input.billingAddress,
          shippingAddress: input.shippingAddress,
          ...(input.recipient !== undefined && { recipient: input.recipient }),
          ...(input.requestedDeliveryDate !== undefined && {
            requestedDeliveryDate: input.requestedDeliveryDate,
          }),
          ...(input.note !== undefined && { note: input.note }),
        },
        context,
      );
    },
    execute: (orderId, input, context, expectedRevision) =>
      run(
        orderId,
        { ...input, orderId, at: clock().toISOString(), actor: context.actor },
        context,
        expectedRevision,
      ),
  };
}
