// A steady stream of commands against a customers service that may die under it. Only a 2xx
// answer counts as acknowledged; a failed or refused request is simply not counted (and never
// retried, so "exactly once in the log" can be checked against what was acknowledged).
export interface Ack {
  customerId: string;
  op: 'register' | 'tag' | 'rename';
  value: string;
  /** Whether a logged event is the one this command caused. */
  matches: (type: string, data: unknown) => boolean;
}

export function startWriters(baseUrl: string, token: string, count: number, prefix: string) {
  const acks: Ack[] = [];
  let running = true;
  let serial = 0;
  const call = async (method: string, path: string, body: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    return {
      status: response.status,
      json: (await response.json().catch(() => null)) as { id?: string } | null,
    };
  };
  const writer = async (w: number) => {
    const mine: string[] = [];
    while (running) {
      const n = serial++;
      try {
        if (mine.length === 0 || n % 3 === 0) {
          const phone = `136${String(w * 10_000_000 + n).padStart(8, '0')}`;
          const answer = await call('POST', '/customers', {
            kind: 'person',
            name: `${prefix}-${n}`,
            phones: [phone],
          });
          if (answer.status === 201 && answer.json?.id) {
            mine.push(answer.json.id);
            acks.push({
              customerId: answer.json.id,
              op: 'register',
              value: phone,
              matches: (type) => type === 'CustomerRegistered',
            });
          }
        } else if (n % 3 === 1) {
          const customerId = mine[n % mine.length]!;
          const tag = `t${n}`;
          const answer = await call('POST', `/customers/${customerId}/tags`, { tags: [tag] });
          if (answer.status === 200) {
            acks.push({
              customerId,
              op: 'tag',
              value: tag,
              matches: (type, data) =>
                type === 'CustomerTagged' && (data as { tags: string[] }).tags.includes(tag),
            });
          }
        } else {
          const customerId = mine[n % mine.length]!;
          const name = `${prefix}-name-${n}`;
          const answer = await call('PATCH', `/customers/${customerId}`, { name });
          if (answer.status === 200) {
            acks.push({
              customerId,
              op: 'rename',
              value: name,
              matches: (type, data) =>
                type === 'ProfileUpdated' &&
                (data as { changes: { name?: string } }).changes.name === name,
            });
          }
        }
      } catch {
        // The service is down or restarting: not acknowledged; try again shortly.
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const done = Promise.all(Array.from({ length: count }, (_, w) => writer(w)));
  return {
    stop: async (): Promise<Ack[]> => {
      running = false;
      await done;
      return acks;
    },
  };
}
