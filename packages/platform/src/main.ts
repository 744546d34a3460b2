// `npm start`: the whole platform in one process on embedded adapters.
import { createLogger, redactConfig, runUntilSignalled } from '@crm/service-kit';
import {
  DEFAULT_ADMIN_PASSWORD,
  DEFAULT_DEMO_PASSWORD,
  loadConfig,
  SECRET_KEYS,
} from './config.ts';
import { createPlatform } from './platform.ts';
import { DEMO_USERS } from './users.ts';

const config = loadConfig();
const logger = createLogger({ name: 'crm', level: config.LOG_LEVEL });
logger.info({ config: redactConfig(config, SECRET_KEYS) }, 'starting the CRM platform (embedded)');

const platform = await createPlatform(config, logger);
await platform.start();
const address = await platform.app.listen({ port: config.PORT, host: config.HOST });

const seededNote = ({ customers, leads, opportunities }: typeof platform.seeded) => {
  const parts = [
    ...(customers ? [`${customers} customers`] : []),
    ...(leads ? [`${leads} leads, ${opportunities} opportunities`] : []),
  ];
  return parts.length > 0 ? `  (demo data seeded: ${parts.join(', ')})` : '';
};
const base = address.replace('0.0.0.0', '127.0.0.1');
const adminPassword = config.CRM_ADMIN_PASSWORD
  ? '(the CRM_ADMIN_PASSWORD you set)'
  : DEFAULT_ADMIN_PASSWORD;
const demoPassword = config.CRM_DEMO_PASSWORD
  ? '(the CRM_DEMO_PASSWORD you set)'
  : DEFAULT_DEMO_PASSWORD;
process.stdout.write(
  [
    '',
    `CRM platform is up: ${base}`,
    `  API docs:   ${base}/docs   (OpenAPI: ${base}/openapi.json)`,
    `  Data:       ${platform.dataDir}${seededNote(platform.seeded)}`,
    ...platform.seedFailures.map((failure) => `  DEMO DATA INCOMPLETE — ${failure}`),
    `  Log in:     curl -s ${base}/auth/login -H 'content-type: application/json' \\`,
    `                -d '{"username":"admin","password":"${config.CRM_ADMIN_PASSWORD ? '<CRM_ADMIN_PASSWORD>' : DEFAULT_ADMIN_PASSWORD}"}'`,
    `              then send "Authorization: Bearer <accessToken>", e.g. GET ${base}/customers`,
    `  Users:      admin / ${adminPassword}`,
    ...DEMO_USERS.map(
      (user) => `              ${user.username} (${user.roles.join(', ')}) / ${demoPassword}`,
    ),
    '',
  ].join('\n'),
);

void runUntilSignalled({ app: platform.app, log: logger, closers: [() => platform.close()] });
