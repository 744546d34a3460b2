// The HTTP app every service starts from: zod schemas, OpenAPI, problem+json errors, request ids,
// bearer auth and health. A service adds its routes as plugins: `app.register(customerRoutes)`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  fastify,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyServerOptions,
  type RawServerDefault,
  type RouteOptions,
} from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger, LoggerOptions } from 'pino';
import {
  createTokenVerifier,
  installAuthentication,
  type AuthOptions,
} from './auth/authenticate.ts';
import { installErrorHandling, mapErrorToProblem, type MapError } from './error-handler.ts';
import './fastify-augmentation.ts';
import { createReadiness, registerHealthRoutes } from './health.ts';
import { REQUEST_ID_HEADER, requestIdFor, withRedaction } from './logging.ts';
import { DOCS_PREFIX, registerOpenApi, type OpenApiOptions } from './openapi.ts';
import { sendProblem } from './problem.ts';

export interface ServiceAppOptions {
  /** The service's name, e.g. 'customers'; names the logger and the default API title. */
  name: string;
  version: string;
  /** pino options (redaction is added), a ready pino logger (see createLogger), or false. */
  logger: LoggerOptions | Logger | false;
  auth: AuthOptions;
  /** Largest accepted request body in bytes. Default 1 MiB. */
  bodyLimit?: number;
  openapi?: OpenApiOptions;
  /** Service-specific error mapping, consulted before the built-in one. */
  mapError?: MapError;
  /** How long one readiness check may take before it counts as failed. Default 2 s. */
  readinessCheckTimeoutMs?: number;
}

export type ServiceApp = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

const isLogger = (logger: LoggerOptions | Logger): logger is Logger =>
  typeof (logger as Logger).child === 'function' && typeof (logger as Logger).info === 'function';

const buildFastify = (options: ServiceAppOptions): FastifyInstance => {
  const base: FastifyServerOptions = {
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // Our genReqId reads x-request-id itself, so it can refuse values unsafe to log or echo.
    requestIdHeader: false,
    genReqId: requestIdFor,
    return503OnClosing: true,
    // Errors Fastify meets before routing (a malformed URL, say) get the same problem answers.
    frameworkErrors: (error, request, reply) => {
      void sendProblem(reply, mapErrorToProblem(error, request).problem);
    },
  };
  const { logger } = options;
  if (logger !== false && isLogger(logger)) {
    // Typed as Fastify's logger so the instance type does not depend on pino's generics.
    const loggerInstance: FastifyBaseLogger = logger;
    return fastify({ ...base, loggerInstance });
  }
  return fastify({
    ...base,
    logger: logger === false ? false : withRedaction({ name: options.name, ...logger }),
  });
};

/** Docs pages are public; public routes say so in OpenAPI (an empty security requirement). */
const markPublicRoutes = (route: RouteOptions): void => {
  const isDocs = route.url === DOCS_PREFIX || route.url.startsWith(`${DOCS_PREFIX}/`);
  if (isDocs) route.config = { ...route.config, public: true };
  if (route.config?.public === true) route.schema = { ...route.schema, security: [] };
};

export const createServiceApp = (options: ServiceAppOptions): ServiceApp => {
  const app = buildFastify(options);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('readiness', createReadiness(options.readinessCheckTimeoutMs));

  // First hook, so every answer (a 401 too) carries the request id.
  app.addHook('onRequest', (request, reply, done) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  app.addHook('onRoute', markPublicRoutes);
  // Keep-alive sockets would hold app.close() open after their last answer; end them with it.
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (app.readiness.shuttingDown) void reply.header('connection', 'close');
    done(null, payload);
  });
  app.addHook('preClose', (done) => {
    app.readiness.markShuttingDown();
    done();
  });
  installErrorHandling(app, options.mapError);
  installAuthentication(app, createTokenVerifier(options.auth));
  registerOpenApi(app, {
    title: options.openapi?.title ?? `crm ${options.name}`,
    description: options.openapi?.description ?? `The ${options.name} service's HTTP API.`,
    version: options.version,
  });
  void app.register((scope, _opts, done) => {
    registerHealthRoutes(scope);
    done();
  });
  return app.withTypeProvider<ZodTypeProvider>();
};
