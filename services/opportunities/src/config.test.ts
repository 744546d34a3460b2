import { ConfigError } from '@crm/service-kit';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

const secret = { CRM_JWT_SECRET: 'x'.repeat(32) };

describe('the opportunities config', () => {
  it('defaults to the embedded run on port 3002 with the demo team and a 60 s recycler', () => {
    expect(loadConfig(secret)).toMatchObject({
      PORT: 3002,
      CRM_DATA_DIR: '.crm-data/opportunities',
      EVENT_STORE_SCHEMA: 'crm_opportunities',
      MONGODB_DATABASE: 'crm_opportunities',
      LEAD_RECYCLE_INTERVAL_SECONDS: 60,
      CUSTOMERS_GROUP_ID: 'opportunities.customers',
    });
    expect(loadConfig(secret).SALES_TEAMS).toBeUndefined();
  });

  it('reads teams and pools as JSON, filling their defaults', () => {
    const config = loadConfig({
      ...secret,
      SALES_TEAMS: JSON.stringify([{ id: 't', name: 'T', managerIds: ['m'], memberIds: ['r'] }]),
      LEAD_POOLS: JSON.stringify([{ id: 'p', name: 'P', teamId: 't', claimLimit: 5 }]),
    });
    expect(config.SALES_TEAMS).toEqual([
      { id: 't', name: 'T', managerIds: ['m'], memberIds: ['r'], regions: [], industries: [] },
    ]);
    expect(config.LEAD_POOLS).toEqual([
      { id: 'p', name: 'P', teamId: 't', regions: [], claimLimit: 5, recycleAfterHours: 72 },
    ]);
  });

  it('needs a token secret or a JWKS', () => {
    expect(() => loadConfig({})).toThrow(ConfigError);
  });

  it('reports every bad variable at once', () => {
    let variables: string[] = [];
    try {
      loadConfig({
        ...secret,
        SALES_TEAMS: '[{',
        LEAD_POOLS: '[]',
        LEAD_RECYCLE_INTERVAL_SECONDS: '-1',
        KAFKA_BROKERS: 'nope',
      });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      variables = (error as ConfigError).issues.map((issue) => issue.variable.split('.')[0]!);
    }
    expect([...new Set(variables)].sort()).toEqual([
      'KAFKA_BROKERS',
      'LEAD_POOLS',
      'LEAD_RECYCLE_INTERVAL_SECONDS',
      'SALES_TEAMS',
    ]);
  });
});
