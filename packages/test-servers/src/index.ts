export { realServers, serversFromEnv } from './real-servers.ts';
export type { RealServers } from './real-servers.ts';
export {
  planServers,
  serversMode,
  missingEngines,
  engineEnvKeys,
  InvalidServersMode,
  ServersNotGiven,
} from './server-plan.ts';
export type { Engine, ServersMode, ServersPlan } from './server-plan.ts';
export { startServers } from './start-servers.ts';
export type { StartedServers } from './start-servers.ts';
export { findDockerEngine, dockerEndpointCandidates, pingDocker } from './docker-engine.ts';
export type { DockerEndpoint } from './docker-engine.ts';
export { containerImages, defaultImages, imageEnvKeys } from './container-images.ts';
export {
  startNativeServers,
  stopNativeServers,
  runningNativeServers,
  parseEnvLines,
  NativeServersFailed,
} from './native-servers.ts';
export type { NativeServer } from './native-servers.ts';
export { uniqueName, InvalidNamePrefix } from './unique-name.ts';
