#!/usr/bin/env node
// The README's commands land here: `npm start`, `npm test`, `npm run bench`.
// Plain JavaScript on purpose: it must run on whatever Node a fresh machine has, then bring the
// project's own toolchain (Node 24 LTS and pnpm from the npm registry) into a cache folder and
// re-run itself under it. Everything after that is ordinary pnpm + turbo.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cache = process.env.CRM_TOOLS_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'crm-platform');
const NODE_MAJOR = 24;
const pnpmVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split('@')[1];

const [command = 'start', ...rest] = process.argv.slice(2);

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function must(cmd, args, options) {
  const status = run(cmd, args, options);
  if (status !== 0) {
    console.error(`[bootstrap] ${cmd} ${args.join(' ')} failed with exit code ${status}`);
    process.exit(status);
  }
}

function npmInstallGlobal(prefix, spec) {
  mkdirSync(prefix, { recursive: true });
  console.error(`[bootstrap] installing ${spec} into ${prefix}`);
  must('npm', ['install', '--global', '--no-fund', '--no-audit', '--loglevel=error', '--prefix', prefix, spec]);
}

// 1. Node 24: re-exec under it when the current Node is older.
const major = Number(process.versions.node.split('.')[0]);
if (major < NODE_MAJOR) {
  const prefix = join(cache, `node${NODE_MAJOR}`);
  const nodeBin = join(prefix, 'bin', 'node');
  if (!existsSync(nodeBin)) npmInstallGlobal(prefix, `node@${NODE_MAJOR}`);
  const env = { ...process.env, PATH: `${join(prefix, 'bin')}${delimiter}${process.env.PATH}` };
  process.exit(run(nodeBin, [fileURLToPath(import.meta.url), command, ...rest], { env }));
}

// 2. pnpm, the version package.json pins.
const pnpmPrefix = join(cache, `pnpm-${pnpmVersion}`);
const pnpmBin = join(pnpmPrefix, 'bin', 'pnpm');
if (!existsSync(pnpmBin)) npmInstallGlobal(pnpmPrefix, `pnpm@${pnpmVersion}`);
const env = {
  ...process.env,
  PATH: `${dirname(process.execPath)}${delimiter}${join(pnpmPrefix, 'bin')}${delimiter}${process.env.PATH}`,
  TURBO_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1',
};

// 3. Dependencies, when the lockfile changed since the last install.
const marker = join(root, 'node_modules', '.modules.yaml');
const lock = join(root, 'pnpm-lock.yaml');
if (!existsSync(marker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs)) {
  must(pnpmBin, ['install', existsSync(lock) ? '--frozen-lockfile' : '--no-frozen-lockfile'], { env });
}

// 4. Real servers for the test tiers that need them, started once for the whole run unless the
// environment already names them: containers where a Docker engine answers (EventStoreDB too),
// else the native servers of infra/servers. Stopped at the end if this run started them. The
// order lives in @crm/test-servers (packages/test-servers/src/server-plan.ts); Node 24 runs it as is.
const SERVER_ENV = ['KAFKA_BROKERS', 'MONGODB_URL', 'DATABASE_URL'];
async function withRealServers(env) {
  if (SERVER_ENV.every((name) => env[name])) return { env, stop: async () => {} };
  const testServers = pathToFileURL(join(root, 'packages', 'test-servers', 'src', 'index.ts'));
  const { planServers, startServers } = await import(testServers.href);
  const started = await startServers(await planServers(env), env);
  return { env: { ...env, ...started.env }, stop: started.stop };
}

// 5. The command itself.
const turbo = (...args) => [pnpmBin, ['exec', 'turbo', 'run', ...args, '--concurrency=1']];
const commands = {
  start: () => [process.execPath, ['packages/platform/src/main.ts', ...rest]],
  test: () => turbo('typecheck', 'lint', 'test', ...rest),
  bench: () => [pnpmBin, ['--filter', '@crm/bench', 'run', 'bench', ...rest]],
};
const pick = commands[command];
if (!pick) {
  console.error(`[bootstrap] unknown command "${command}"; use one of: ${Object.keys(commands).join(', ')}`);
  process.exit(2);
}
const [cmd, args] = pick();
if (command === 'test') {
  const servers = await withRealServers(env);
  const status = run(cmd, args, { env: servers.env });
  await servers.stop();
  process.exit(status);
}
process.exit(run(cmd, args, { env }));
