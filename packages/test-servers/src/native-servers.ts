import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The servers infra/servers can install and start natively. */
export type NativeServer = 'postgres' | 'kafka' | 'ferretdb';

export class NativeServersFailed extends Error {
  readonly code = 'NATIVE_SERVERS_FAILED';
  readonly exitCode: number | null;

  constructor(script: string, exitCode: number | null) {
    super(`infra/servers/${script} failed (exit ${String(exitCode)}); its log is on stderr above`);
    this.name = 'NativeServersFailed';
    this.exitCode = exitCode;
  }
}

const scriptsDir = fileURLToPath(new URL('../../../infra/servers/', import.meta.url));
// A cold start installs Kafka and builds FerretDB first, which takes minutes.
const coldStartTimeoutMs = 20 * 60_000;

/** Installs (if needed) and starts the servers, reusing healthy ones; returns the env they need. */
export async function startNativeServers(
  servers: readonly NativeServer[],
): Promise<Record<string, string>> {
  const { exitCode, stdout } = await runScript('start.sh', servers, coldStartTimeoutMs);
  if (exitCode !== 0) throw new NativeServersFailed('start.sh', exitCode);
  return parseEnvLines(stdout);
}

/** Stops the given servers of the run dir; stopping a stopped server is a no-op. */
export async function stopNativeServers(servers: readonly NativeServer[]): Promise<void> {
  const { exitCode } = await runScript('stop.sh', servers, 60_000);
  if (exitCode !== 0) throw new NativeServersFailed('stop.sh', exitCode);
}

/** The pid of each server of the run dir that is running and healthy now. */
export async function runningNativeServers(): Promise<Partial<Record<NativeServer, number>>> {
  const { stdout } = await runScript('status.sh', [], 30_000);
  const running: Partial<Record<NativeServer, number>> = {};
  for (const line of stdout.split('\n')) {
    const [server, state, pid] = line.split(' ');
    if (state === 'running' && isNativeServer(server)) running[server] = Number(pid);
  }
  return running;
}

function isNativeServer(name: string | undefined): name is NativeServer {
  return name === 'postgres' || name === 'kafka' || name === 'ferretdb';
}

/** `KEY=VALUE` lines, as start.sh prints them and writes <run dir>/env. */
export function parseEnvLines(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (match?.[1] !== undefined && match[2] !== undefined) env[match[1]] = match[2];
  }
  return env;
}

function runScript(
  script: string,
  args: readonly string[],
  timeoutMs: number,
): Promise<{ exitCode: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    // stderr is inherited so a slow cold install shows its progress.
    const child = spawn('bash', [scriptsDir + script, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
      timeout: timeoutMs,
    });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.on('error', reject);
    child.on('close', (exitCode) => {
      resolve({ exitCode, stdout });
    });
  });
}
