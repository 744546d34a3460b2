// A temp folder that is removed at the end, also when the run fails or is interrupted.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TempDir {
  path: string;
  remove(): void;
}

export function tempDir(prefix: string): TempDir {
  const path = mkdtempSync(join(tmpdir(), prefix));
  const remove = (): void => {
    rmSync(path, { recursive: true, force: true });
    process.off('exit', remove);
  };
  // 'exit' hooks run on process.exit(), which the bench's signal and watchdog handlers call.
  process.once('exit', remove);
  return { path, remove };
}
