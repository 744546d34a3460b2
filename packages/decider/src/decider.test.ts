import { describe, expect, it } from 'vitest';
import { DomainError, fold, isDomainError, type Decider } from './decider.ts';
import { specification } from './testing/specification.ts';

type Event = { type: 'Incremented'; data: { by: number } };
type Command = { type: 'Increment'; by: number };
const counter: Decider<Command, Event, number> = {
  initialState: 0,
  decide: (command, state) => {
    if (command.by <= 0) throw new DomainError('NOT_POSITIVE', 'invalid', 'by must be > 0');
    if (state + command.by > 10) throw new DomainError('TOO_BIG', 'conflict', 'over 10', { state });
    return [{ type: 'Incremented', data: { by: command.by } }];
  },
  evolve: (state, event) => state + event.data.by,
};
const { given } = specification(counter);

describe('decider', () => {
  it('folds events into state', () => {
    expect(fold(counter, [{ type: 'Incremented', data: { by: 2 } }])).toBe(2);
  });
  it('given/when/then', () => {
    given()
      .when({ type: 'Increment', by: 3 })
      .then({ type: 'Incremented', data: { by: 3 } });
  });
  it('thenThrows checks code and details', () => {
    given({ type: 'Incremented', data: { by: 9 } })
      .when({ type: 'Increment', by: 2 })
      .thenThrows('TOO_BIG', { state: 9 });
    expect(isDomainError(new DomainError('X', 'invalid', 'x'))).toBe(true);
  });
});
