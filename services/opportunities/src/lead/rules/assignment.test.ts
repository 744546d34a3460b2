import { describe, expect, it } from 'vitest';
import { chooseRep, type TeamRep } from './assignment.ts';

const rep = (repId: string, regions: TeamRep['regions'] = [], industries: string[] = []) => ({
  repId,
  regions,
  industries,
});

const team: TeamRep[] = [
  rep('usr-a', [{ province: '广东省' }], ['manufacturing']),
  rep('usr-b', [{ province: '广东省', city: '广州市' }], ['finance']),
  rep('usr-c', [{ province: '上海市', city: '上海市' }], ['manufacturing', 'finance']),
  rep('usr-d', [{ province: '广东省', city: '深圳市' }], []),
];
const shenzhen = { province: '广东省', city: '深圳市' };

describe('chooseRep', () => {
  it('round robin: the rep after the previous one, wrapping around', () => {
    const choices: (string | undefined)[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 5; i += 1) {
      const chosen = chooseRep('round_robin', { reps: team, cursor, lead: {} });
      choices.push(chosen);
      cursor = chosen ?? null;
    }
    expect(choices).toEqual(['usr-a', 'usr-b', 'usr-c', 'usr-d', 'usr-a']);
  });

  it('round robin: starts over when the previous rep has left the team', () => {
    expect(chooseRep('round_robin', { reps: team, cursor: 'usr-gone', lead: {} })).toBe('usr-a');
  });

  it('region: the next rep covering the city, or its whole province', () => {
    const lead = { region: shenzhen };
    expect(chooseRep('region', { reps: team, cursor: null, lead })).toBe('usr-a');
    expect(chooseRep('region', { reps: team, cursor: 'usr-a', lead })).toBe('usr-d');
    expect(chooseRep('region', { reps: team, cursor: 'usr-d', lead })).toBe('usr-a');
  });

  it('region: a rep covering another city of the province is not eligible', () => {
    const lead = { region: { province: '广东省', city: '广州市' } };
    expect(chooseRep('region', { reps: team, cursor: 'usr-b', lead })).toBe('usr-a');
    expect(chooseRep('region', { reps: team, cursor: 'usr-a', lead })).toBe('usr-b');
  });

  it('industry: the next rep covering the industry', () => {
    const lead = { industry: 'finance' };
    expect(chooseRep('industry', { reps: team, cursor: null, lead })).toBe('usr-b');
    expect(chooseRep('industry', { reps: team, cursor: 'usr-b', lead })).toBe('usr-c');
    expect(chooseRep('industry', { reps: team, cursor: 'usr-c', lead })).toBe('usr-b');
  });

  it('nobody when no rep covers the lead, or the lead says nothing the rule needs', () => {
    const reps = team;
    expect(
      chooseRep('region', {
        reps,
        cursor: null,
        lead: { region: { province: '浙江省', city: '杭州市' } },
      }),
    ).toBeUndefined();
    expect(
      chooseRep('industry', { reps, cursor: null, lead: { industry: 'education' } }),
    ).toBeUndefined();
    expect(
      chooseRep('region', { reps, cursor: null, lead: { industry: 'finance' } }),
    ).toBeUndefined();
    expect(
      chooseRep('industry', { reps, cursor: null, lead: { region: shenzhen } }),
    ).toBeUndefined();
  });

  it('nobody in an empty team', () => {
    expect(chooseRep('round_robin', { reps: [], cursor: null, lead: {} })).toBeUndefined();
  });
});
