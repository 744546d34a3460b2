// The few platform calls the bench makes outside autocannon, over loopback with fetch.
import type { PhoneSequence } from './phone-sequence.ts';

const TIMEOUT_MS = 10_000;

export interface Answer {
  status: number;
  body: unknown;
}

export type Call = (method: 'GET' | 'POST', path: string, body?: unknown) => Promise<Answer>;

async function send(url: string, init: RequestInit): Promise<Answer> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
}

export async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const answer = await send(`${baseUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const token = (answer.body as { accessToken?: unknown } | null)?.accessToken;
  if (answer.status !== 200 || typeof token !== 'string') {
    throw new Error(`login as ${username} answered ${answer.status}`);
  }
  return token;
}

export const client =
  (baseUrl: string, token: string): Call =>
  (method, path, body) =>
    send(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

/** What autocannon and the lag probe register: a person with one phone nobody else has. */
export const registration = (nextPhone: PhoneSequence) => {
  const phone = nextPhone();
  return { kind: 'person', name: `压测客户${phone.slice(-4)}`, phones: [phone] };
};

export interface Registered {
  id: string;
  revision: number;
  position: number;
}

export async function register(call: Call, nextPhone: PhoneSequence): Promise<Registered> {
  const answer = await call('POST', '/customers', registration(nextPhone));
  if (answer.status !== 201) {
    throw new Error(`POST /customers answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
  return answer.body as Registered;
}
