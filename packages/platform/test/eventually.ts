// What the end-to-end tests share: a JSON answer, and bounded waits that say what they waited for.

/** The fields of the services' JSON answers (leads, customers, lists) these tests read. */
export interface Json {
  id: string;
  _id: string;
  revision: number;
  items: Json[];
  source?: string;
  profile?: { name?: string };
  conversion?: { progress: string; customerId: string; opportunityId: string };
  [field: string]: unknown;
}

export interface Answer {
  status: number;
  json: Json;
}

/** Polls `probe` until it returns a value, or fails naming what it waited for. */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
