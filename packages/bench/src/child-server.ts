// A server under test in its own Node process: started, awaited until it prints its address,
// and always killed, also when the bench fails or is interrupted.
import { spawn } from 'node:child_process';

export interface ChildServer {
  pid: number;
  baseUrl: string;
  output(): string;
  /** SIGTERM, then SIGKILL when it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export interface ChildServerOptions {
  script: string;
  env?: Record<string, string>;
  /**
   * A pattern whose first capture group is the base URL, e.g. /listening on (http:\S+)/; or the
   * base URL the server was told to use and a path that answers 200 once it is ready.
   */
  ready: RegExp | { baseUrl: string; path: string };
  timeoutMs: number;
}

export async function startChildServer(options: ChildServerOptions): Promise<ChildServer> {
  const child = spawn(process.execPath, [options.script], {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The last resort: whatever happens to this process, the child does not outlive it.
  const killNow = (): void => void child.kill('SIGKILL');
  process.once('exit', killNow);

  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const alive = (): boolean => child.exitCode === null && child.signalCode === null;

  const stop = async (graceMs = 5_000): Promise<void> => {
    if (alive()) {
      child.kill('SIGTERM');
      const timer = setTimeout(killNow, graceMs);
      await exited;
      clearTimeout(timer);
    }
    process.off('exit', killNow);
  };

  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const url = await readyUrl(options.ready, output);
    if (url && child.pid !== undefined) {
      return { pid: child.pid, baseUrl: url, output: () => output, stop };
    }
    if (!alive() || Date.now() > deadline) {
      await stop(0);
      throw new Error(`${options.script} did not start within ${options.timeoutMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function readyUrl(
  ready: ChildServerOptions['ready'],
  output: string,
): Promise<string | undefined> {
  if (ready instanceof RegExp) return ready.exec(output)?.[1];
  try {
    const response = await fetch(`${ready.baseUrl}${ready.path}`, {
      signal: AbortSignal.timeout(1_000),
    });
    await response.body?.cancel();
    return response.status === 200 ? ready.baseUrl : undefined;
  } catch {
    return undefined; // not listening yet
  }
}
