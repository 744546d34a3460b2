// A service as its own child process (`node services/<name>/src/main.ts`) for the distributed
// end-to-end tests, talked to over loopback HTTP. (The approach of services/customers/test.)
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Answer, Json } from './eventually.ts';

export interface ServiceProcess {
  name: string;
  baseUrl: string;
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

const MAIN = (service: string) =>
  fileURLToPath(new URL(`../../../services/${service}/src/main.ts`, import.meta.url));

/** Starts `services/<name>` and waits for its "<name> service listening" line (60 s at most). */
export async function startService(
  name: 'customers' | 'opportunities',
  port: number,
  env: Record<string, string>,
): Promise<ServiceProcess> {
  const child = spawn(process.execPath, [MAIN(name)], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const ready = new RegExp(`${name} service listening`);
  const deadline = Date.now() + 60_000;
  while (!ready.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not start within 60 s:\n${output.slice(-4000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    name,
    baseUrl: `http://127.0.0.1:${port}`,
    process: child,
    output: () => output,
    exited,
  };
}

/** SIGTERM (a graceful stop: consumers leave their groups), SIGKILL after 15 s. */
export async function stopService(service: ServiceProcess): Promise<void> {
  if (service.process.exitCode !== null || service.process.signalCode !== null) return;
  service.process.kill('SIGTERM');
  const timer = setTimeout(() => service.process.kill('SIGKILL'), 15_000);
  await service.exited;
  clearTimeout(timer);
}

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

/** A JSON client of one service with one bearer token. */
export const httpClient =
  (baseUrl: string, token: string) =>
  async (method: 'GET' | 'POST', path: string, body?: object): Promise<Answer> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, json: (text ? JSON.parse(text) : null) as Json };
  };
