// What the lead API tests share: a team of two reps and a manager, its pool, a fixed-but-movable
// clock, and a lead body that passes validation. For tests only.
import type { LeadPool } from '../pools/lead-pools.ts';
import type { CustomerDirectory } from '../sales-deps.ts';
import type { SalesTeam } from '../sales-teams.ts';

export const people = {
  manager: 'u-wang-fang',
  rep: 'u-li-lei',
  otherRep: 'u-han-meimei',
  outsider: 'u-zhao-min',
  otherManager: 'u-qian-jun',
} as const;

export const TEAMS: SalesTeam[] = [
  {
    id: 'team-east',
    name: 'East',
    managerIds: [people.manager],
    memberIds: [people.rep, people.otherRep],
    regions: ['上海', '江苏'],
    industries: ['manufacturing'],
  },
  {
    id: 'team-north',
    name: 'North',
    managerIds: [people.otherManager],
    memberIds: [people.outsider],
    regions: ['北京'],
    industries: [],
  },
];

export const POOLS: LeadPool[] = [
  {
    id: 'pool-east',
    name: 'East pool',
    teamId: 'team-east',
    regions: ['上海', '江苏'],
    claimLimit: 2,
    recycleAfterHours: 48,
  },
  {
    id: 'pool-north',
    name: 'North pool',
    teamId: 'team-north',
    regions: ['北京'],
    claimLimit: 5,
    recycleAfterHours: 24,
  },
];

/** A clock the test moves: starts at Monday 2 March 2026, 09:30 in Shanghai. */
export function movableClock(start = '2026-03-02T01:30:00.000Z') {
  let now = Date.parse(start);
  return {
    clock: () => new Date(now),
    advanceHours: (hours: number) => {
      now += hours * 3_600_000;
    },
  };
}

let counter = 0;
export const aLeadBody = (overrides: Record<string, unknown> = {}) => {
  counter += 1;
  return {
    name: '韩梅梅',
    company: `上海精工机械 ${counter}`,
    phones: [`1380013${String(8000 + counter).padStart(4, '0')}`],
    emails: [],
    source: 'exhibition',
    region: { province: '上海', city: '上海' },
    ...overrides,
  };
};

/** A customer lookup that knows no customer (crm.customers.v1 never spoke). */
export const noCustomers: CustomerDirectory = {
  get: () => Promise.resolve(null),
  getMany: () => Promise.resolve(new Map()),
  findByContact: () => Promise.resolve(null),
};
