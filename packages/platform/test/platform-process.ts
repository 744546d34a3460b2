// Starts the one-command run (`node packages/platform/src/main.ts`) as a child process for
// end-to-end tests, and talks to it over loopback HTTP.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));

export interface RunningPlatform {
  child: ChildProcess;
  baseUrl: string;
  output: () => string;
  exited: Promise<number | null>;
}

export async function startPlatform(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<RunningPlatform> {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      CRM_DATA_DIR: dataDir,
      PORT: '0',
      LOG_LEVEL: 'warn',
      CRM_SEED_DEMO: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const deadline = Date.now() + 30_000;
  for (;;) {
    const match = /CRM platform is up: (http:\/\/[^\s]+)/.exec(output);
    if (match?.[1]) return { child, baseUrl: match[1], output: () => output, exited };
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`platform did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function login(
  baseUrl: string,
  username = 'admin',
  password = 'admin-crm-2026',
): Promise<string> {
  const response = await fetch(`${baseUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`login failed: ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** The fields of the platform's JSON answers these tests read. */
export interface Json {
  id: string;
  revision: number;
  items: unknown[];
  [field: string]: unknown;
}

export function client(baseUrl: string, token: string) {
  return async (
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: Json }> => {
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
}
