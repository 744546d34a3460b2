// What every command says about an order that was never placed. The outcomes of each command are
// specified beside it, in commands/*.test.ts.
import { specification } from '@crm/decider/testing';
import { describe, expect, it } from 'vitest';
import { decide, orderDecider, type OrderCommand } from './decide.ts';
import { aCommand, ids, now } from './fixtures.ts';

const { given } = specification(orderDecider);

const commandsOnAnOrder: OrderCommand[] = [
  aCommand('FulfilOrder', {}),
  aCommand('CancelOrder', { reason: '客户撤单' }),
];

describe('commands on an order that does not exist', () => {
  it.each(commandsOnAnOrder.map((command) => [command.type, command] as const))(
    '%s: ORDER_NOT_FOUND',
    (_, command) => {
      given().when(command).thenThrows('ORDER_NOT_FOUND', { orderId: ids.order });
    },
  );
});

describe('decide', () => {
  it('refuses a command it does not know, even from untyped input', () => {
    const unknown = { type: 'ShipOrder', orderId: ids.order, at: now } as never;
    expect(() => decide(unknown, orderDecider.initialState)).toThrow(TypeError);
  });
});
