import { EVENT_TYPE, STREAM_NAME, type Position } from '@eventstore/db-client';
import { describe, expect, it } from 'vitest';
import { StreamNames } from './stream-names.ts';

describe('StreamNames', () => {
  it('uses port stream ids as ESDB stream names when there is no prefix', () => {
    const names = new StreamNames();
    expect(names.toEsdb('customer-42')).toBe('customer-42');
    expect(names.fromEsdb('customer-42')).toBe('customer-42');
  });

  it('puts the prefix in front and takes it off again', () => {
    const names = new StreamNames('crm_');
    expect(names.toEsdb('customer-42')).toBe('crm_customer-42');
    expect(names.fromEsdb('crm_customer-42')).toBe('customer-42');
  });

  it.each([
    ['a system stream', '', '$ce-customer'],
    ['a metadata stream', '', '$$customer-42'],
    ['a stream outside the prefix', 'crm_', 'other_customer-42'],
  ])('owns no %s', (_, prefix, streamName) => {
    expect(new StreamNames(prefix).fromEsdb(streamName)).toBeUndefined();
  });

  it.each(['crm-', '$crm'])('refuses the prefix %o', (prefix) => {
    expect(() => new StreamNames(prefix)).toThrow(TypeError);
  });

  it('matches categories by the part before the first dash', () => {
    const names = new StreamNames();
    expect(names.inCategories('deal-1-2', ['deal'])).toBe(true);
    expect(names.inCategories('dealer-1', ['deal'])).toBe(false);
    expect(names.inCategories('dealer-1', undefined)).toBe(true);
    expect(names.inCategories('deal-1', [])).toBe(false);
  });
});

describe('StreamNames.serverFilter', () => {
  it('filters on the categories stream-name prefixes, each ending in a dash', () => {
    const filter = new StreamNames('crm_').serverFilter(['deal', 'customer', 'deal']);
    expect(filter).toMatchObject({
      filterOn: STREAM_NAME,
      prefixes: ['crm_deal-', 'crm_customer-'],
    });
  });

  it('without categories, filters on the prefix alone', () => {
    expect(new StreamNames('crm_').serverFilter(undefined)).toMatchObject({
      filterOn: STREAM_NAME,
      prefixes: ['crm_'],
    });
  });

  it.each([[undefined], [[]]])(
    'without prefix or categories (%o), excludes system events',
    (categories) => {
      expect(new StreamNames().serverFilter(categories)).toMatchObject({
        filterOn: EVENT_TYPE,
        regex: '^[^$].*',
      });
    },
  );

  it('hands checkpoints to the callback given', () => {
    const seen: Position[] = [];
    const filter = new StreamNames().serverFilter(['deal'], (_, position) => seen.push(position));
    void filter.checkpointReached?.(undefined as never, { commit: 5n, prepare: 5n });
    expect(seen).toEqual([{ commit: 5n, prepare: 5n }]);
  });
});
