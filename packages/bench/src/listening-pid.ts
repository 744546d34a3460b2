// Which local process serves a port (Linux /proc), so the bench can watch the CPU of servers it
// did not start itself, whether infra/servers or someone else started them.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import type { RealServers } from '@crm/test-servers';
import type { CpuProbe } from './cpu-usage.ts';

const LISTEN = '0A';

/** Socket inodes listening on `port` in the text of /proc/net/tcp or /proc/net/tcp6. */
export function listeningInodes(procNetTcp: string, port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  return procNetTcp
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields[1]?.endsWith(`:${hexPort}`) && fields[3] === LISTEN)
    .map((fields) => fields[9] ?? '')
    .filter((inode) => inode !== '' && inode !== '0');
}

const readOr = (path: string): string => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

/** The pid of the process listening on `port` on this machine; undefined when none is visible. */
export function listeningPid(port: number): number | undefined {
  const inodes = new Set([
    ...listeningInodes(readOr('/proc/net/tcp'), port),
    ...listeningInodes(readOr('/proc/net/tcp6'), port),
  ]);
  if (inodes.size === 0) return undefined;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue; // gone, or not ours to read
    }
    for (const fd of fds) {
      try {
        const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${entry}/fd/${fd}`))?.[1];
        if (inode !== undefined && inodes.has(inode)) return Number(entry);
      } catch {
        // closed meanwhile
      }
    }
  }
  return undefined;
}

const portOf = (address: string): number => Number(/:(\d+)\/?$/.exec(address)?.[1] ?? NaN);

/** The processes behind the servers' ports, when they run on this machine. */
export function serverProbes(servers: RealServers): CpuProbe[] {
  const probes: CpuProbe[] = [{ name: 'bench', pid: process.pid }];
  const add = (name: string, address: string | undefined, withChildren = false) => {
    const pid = address === undefined ? undefined : listeningPid(portOf(address));
    if (pid !== undefined) probes.push({ name, pid, withChildren });
  };
  // PostgreSQL serves each connection from a child process of the one that listens.
  add('PostgreSQL', /@([^/]+)\//.exec(servers.databaseUrl)?.[1], true);
  add('Kafka', servers.kafkaBrokers[0]);
  add('FerretDB', /\/\/([^/]+)/.exec(servers.mongodbUrl)?.[1]);
  return probes;
}
