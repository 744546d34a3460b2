export { realServers, missingServers, serversFromEnv, serverEnvKeys } from './real-servers.ts';
export type { RealServers } from './real-servers.ts';
export {
  startNativeServers,
  stopNativeServers,
  runningNativeServers,
  parseEnvLines,
  NativeServersFailed,
} from './native-servers.ts';
export type { NativeServer } from './native-servers.ts';
export { uniqueName, InvalidNamePrefix } from './unique-name.ts';
