// @crm/service-adapters: from a service's configuration to its open ports.
export {
  ADAPTER_SECRET_KEYS,
  adapterConfigFields,
  type AdapterConfig,
  type AdapterDefaults,
} from './adapter-config.ts';
export {
  openAdapters,
  type AdapterKinds,
  type OpenAdaptersOptions,
  type OpenedAdapters,
} from './open-adapters.ts';
export {
  serveService,
  type ProcessConfig,
  type ServedService,
  type ServeOptions,
} from './serve-service.ts';
