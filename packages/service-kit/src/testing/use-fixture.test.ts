import { describe, expect, it } from 'vitest';
import { useFixture } from './use-fixture.ts';

const built: number[] = [];
const closed: number[] = [];
let next = 0;
const build = () => {
  const id = ++next;
  built.push(id);
  return Promise.resolve({ id, who: () => id });
};
const close = (fixture: { id: number }) => {
  closed.push(fixture.id);
  return Promise.resolve();
};

describe('useFixture, one per test', () => {
  const fixture = useFixture(build, close);

  it('stands in for the fixture of this test', () => {
    expect(fixture.id).toBe(built.at(-1));
    expect(fixture.who()).toBe(fixture.id);
  });

  it('builds a new one for the next test, having closed the last', () => {
    expect(fixture.id).toBe(built.at(-1));
    expect(closed).toEqual([built.at(-2)]);
  });
});

describe('useFixture, one per file', () => {
  const fixture = useFixture(build, close, 'all');
  let first = 0;

  it('keeps one fixture for every test', () => {
    first = fixture.id;
    expect(first).toBeGreaterThan(0);
  });

  it('is still the same one', () => {
    expect(fixture.id).toBe(first);
  });
});
