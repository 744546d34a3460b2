// given(events).when(command).then(events) / .thenThrows(code): the whole test framework a
// decider needs. Assertions use vitest's expect so failures show a readable diff.
import { expect } from 'vitest';
import { DomainError, fold, type Decider, type DomainEvent } from '../decider.ts';

export interface Specification<Command, Event extends DomainEvent> {
  given: (...events: Event[]) => {
    when: (command: Command) => {
      then: (...expected: Event[]) => void;
      thenNothingHappens: () => void;
      thenThrows: (code: string, details?: Record<string, unknown>) => void;
    };
  };
}

export const specification = <Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
): Specification<Command, Event> => ({
  given: (...given) => ({
    when: (command) => {
      const run = () => decider.decide(command, fold(decider, given));
      return {
        then: (...expected) => expect(run()).toEqual(expected),
        thenNothingHappens: () => expect(run()).toEqual([]),
        thenThrows: (code, details) => {
          let thrown: unknown;
          try {
            run();
          } catch (error) {
            thrown = error;
          }
          expect(thrown, `expected ${code} to be thrown`).toBeInstanceOf(DomainError);
          expect((thrown as DomainError).code).toBe(code);
          if (details) expect((thrown as DomainError).details).toMatchObject(details);
        },
      };
    },
  }),
});
