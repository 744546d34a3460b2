import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { listeningInodes, listeningPid } from './listening-pid.ts';

const procNetTcp = [
  '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
  '   0: 0100007F:DEB9 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 288675 2 0',
  '   1: 0100007F:DEB9 0100007F:9C40 01 00000000:00000000 00:00000000 00000000     0        0 288700 2 0',
  '   2: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 111 2 0',
].join('\n');

describe('listeningInodes', () => {
  it('finds the listening socket of a port, not its established connections', () => {
    expect(listeningInodes(procNetTcp, 0xdeb9)).toEqual(['288675']);
    expect(listeningInodes(procNetTcp, 8080)).toEqual(['111']);
    expect(listeningInodes(procNetTcp, 9999)).toEqual([]);
  });
});

describe('listeningPid', () => {
  it('finds this process behind a port it listens on', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      expect(listeningPid(port)).toBe(process.pid);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
