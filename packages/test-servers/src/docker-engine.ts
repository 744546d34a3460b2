import { lstatSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';

/** Where a Docker Engine API may answer: a unix socket, or TCP (with TLS when DOCKER_TLS_VERIFY). */
export type DockerEndpoint =
  { kind: 'unix'; socketPath: string } | { kind: 'tcp'; host: string; port: number; tls: boolean };

type Env = Readonly<Record<string, string | undefined>>;

/** How long the whole search for a Docker engine may take: tests must not wait on it. */
export const dockerPingTimeoutMs = 1_000;

/**
 * Where to look, in testcontainers' own order (so it finds the engine found here): DOCKER_HOST
 * alone when set, else /var/run/docker.sock, then the rootless and Docker Desktop sockets.
 * An unsupported DOCKER_HOST (ssh://, npipe://) gives none.
 */
export function dockerEndpointCandidates(
  env: Env,
  home: string = homedir(),
  uid: number = userInfo().uid,
): DockerEndpoint[] {
  const dockerHost = env.DOCKER_HOST?.trim();
  if (dockerHost) {
    const endpoint = parseDockerHost(dockerHost, isTlsVerify(env.DOCKER_TLS_VERIFY));
    return endpoint === undefined ? [] : [endpoint];
  }
  const sockets = [
    '/var/run/docker.sock',
    ...(env.XDG_RUNTIME_DIR ? [join(env.XDG_RUNTIME_DIR, 'docker.sock')] : []),
    join(home, '.docker', 'run', 'docker.sock'),
    join(home, '.docker', 'desktop', 'docker.sock'),
    join('/run', 'user', String(uid), 'docker.sock'),
  ];
  return [...new Set(sockets)].map((socketPath) => ({ kind: 'unix', socketPath }));
}

export function parseDockerHost(dockerHost: string, tls = false): DockerEndpoint | undefined {
  let url: URL;
  try {
    url = new URL(dockerHost);
  } catch {
    return undefined;
  }
  if (url.protocol === 'unix:' && url.pathname !== '') {
    return { kind: 'unix', socketPath: decodeURIComponent(url.pathname) };
  }
  if (url.protocol === 'tcp:' && url.hostname !== '') {
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    return { kind: 'tcp', host, port: url.port ? Number(url.port) : tls ? 2376 : 2375, tls };
  }
  return undefined;
}

/** The Docker CLI's reading: any non-empty DOCKER_TLS_VERIFY turns TLS on. */
function isTlsVerify(value: string | undefined): boolean {
  return value !== undefined && value !== '';
}

/**
 * The first candidate whose engine answers GET /_ping within the timeout, or undefined. Socket
 * paths that do not exist are not tried, so a machine without Docker answers at once.
 */
export async function findDockerEngine(
  env: Env,
  candidates: readonly DockerEndpoint[] = dockerEndpointCandidates(env),
  timeoutMs = dockerPingTimeoutMs,
): Promise<DockerEndpoint | undefined> {
  const present = candidates.filter((c) => c.kind === 'tcp' || isSocket(c.socketPath));
  const answers = await Promise.all(present.map((c) => pingDocker(c, env, timeoutMs)));
  return present.find((_, index) => answers[index]);
}

function isSocket(path: string): boolean {
  try {
    return lstatSync(path).isSocket();
  } catch {
    return false;
  }
}

/** True when the engine answers GET /_ping with 200 within timeoutMs; never throws, never hangs. */
export async function pingDocker(
  endpoint: DockerEndpoint,
  env: Env,
  timeoutMs = dockerPingTimeoutMs,
): Promise<boolean> {
  const signal = AbortSignal.timeout(timeoutMs);
  const base: RequestOptions = { path: '/_ping', method: 'GET', agent: false, signal };
  if (endpoint.kind === 'unix') {
    return answers200(httpRequest, { ...base, socketPath: endpoint.socketPath });
  }
  const tcp = { ...base, host: endpoint.host, port: endpoint.port };
  if (!endpoint.tls) return answers200(httpRequest, tcp);
  const certs = await readClientCerts(env.DOCKER_CERT_PATH || join(homedir(), '.docker'));
  return certs !== undefined && answers200(httpsRequest, { ...tcp, ...certs });
}

function answers200(request: typeof httpRequest, options: RequestOptions): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(options, (res) => {
      resolve(res.statusCode === 200);
      req.destroy();
    });
    // A refused connection, a missing socket, a reset and the timeout's abort all land here.
    req.on('error', () => {
      resolve(false);
    });
    req.end();
  });
}

async function readClientCerts(
  dir: string,
): Promise<{ ca: Buffer; cert: Buffer; key: Buffer } | undefined> {
  try {
    const [ca, cert, key] = await Promise.all(
      ['ca.pem', 'cert.pem', 'key.pem'].map((file) => readFile(join(dir, file))),
    );
    return ca && cert && key ? { ca, cert, key } : undefined;
  } catch {
    return undefined;
  }
}

/** The DOCKER_HOST value that names an endpoint. */
export function dockerHostUrl(endpoint: DockerEndpoint): string {
  if (endpoint.kind === 'unix') return `unix://${endpoint.socketPath}`;
  const host = endpoint.host.includes(':') ? `[${endpoint.host}]` : endpoint.host;
  return `tcp://${host}:${endpoint.port}`;
}
