// What every command says about a quote that was never drafted. The outcomes of each command are
// specified beside it, in commands/*.test.ts.
import { specification } from '@crm/decider/testing';
import { describe, expect, it } from 'vitest';
import { decide, quoteDecider, type QuoteCommand } from './decide.ts';
import { aCommand, aLineInput, ids, now } from './fixtures.ts';

const { given } = specification(quoteDecider);

const commandsOnAQuote: QuoteCommand[] = [
  aCommand('UpdateQuoteDraft', { lines: [aLineInput], validUntil: '2026-03-31' }),
  aCommand('IssueQuote', {}),
  aCommand('AcceptQuote', {}),
  aCommand('RejectQuote', { reason: '太贵' }),
  aCommand('SupersedeQuote', { supersededBy: ids.nextVersion, supersededByVersion: 2 }),
];

describe('commands on a quote that does not exist', () => {
  it.each(commandsOnAQuote.map((command) => [command.type, command] as const))(
    '%s: QUOTE_NOT_FOUND',
    (_, command) => {
      given().when(command).thenThrows('QUOTE_NOT_FOUND', { quoteId: ids.quote });
    },
  );
});

describe('decide', () => {
  it('refuses a command it does not know, even from untyped input', () => {
    const unknown = { type: 'DeleteQuote', quoteId: ids.quote, at: now } as never;
    expect(() => decide(unknown, quoteDecider.initialState)).toThrow(TypeError);
  });
});
