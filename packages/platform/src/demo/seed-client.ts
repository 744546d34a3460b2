// The demo seed's HTTP client: requests through app.inject as a given user, and any answer that
// is not the one expected stops the seed loudly with the refusal's body.
import type { FastifyInstance } from 'fastify';

export type Json = Record<string, unknown>;

/** A bearer token for the demo user with this id (its roles decide what the API lets it do). */
export type TokenFor = (userId: string) => Promise<string>;

export interface SeedClient {
  /** Sends the request as `userId`; throws unless the status is 200 or 201. */
  send(userId: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: Json): Promise<Json>;
}

export function seedClient(app: FastifyInstance, tokenFor: TokenFor): SeedClient {
  return {
    send: async (userId, method, url, payload) => {
      const response = await app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${await tokenFor(userId)}` },
        ...(payload === undefined ? {} : { payload }),
      });
      if (response.statusCode !== 200 && response.statusCode !== 201) {
        throw new Error(
          `demo data refused: ${method} ${url} as ${userId} -> ${response.statusCode} ${response.body}`,
        );
      }
      return response.json<Json>();
    },
  };
}

const DAY = 86_400_000;
/** Mainland China has one zone and no daylight saving: dates are UTC+8 dates. */
const SHANGHAI = 8 * 3_600_000;

const dateOf = (utc: number): string => new Date(utc).toISOString().slice(0, 10);

/** A YYYY-MM-DD day in Asia/Shanghai: this month's or quarter's last day, or later on. */
export function closeDate(now: Date, when: 'month' | 'quarter' | 'later'): string {
  const local = new Date(now.getTime() + SHANGHAI);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth();
  const quarterEnd = 3 * Math.floor(month / 3) + 3;
  if (when === 'month') return dateOf(Date.UTC(year, month + 1, 0));
  if (when === 'quarter') return dateOf(Date.UTC(year, quarterEnd, 0));
  return dateOf(Date.UTC(year, quarterEnd + 1, 15));
}

/** The Asia/Shanghai day `days` from now. */
export const dayFromNow = (now: Date, days: number): string =>
  dateOf(now.getTime() + SHANGHAI + days * DAY);
