// OpenAPI 3.1 generated from the routes' zod schemas, served as JSON and as a docs page.
import { fastifySwagger } from '@fastify/swagger';
import { fastifySwaggerUi } from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

export interface OpenApiOptions {
  title: string;
  description: string;
}

export const DOCS_PREFIX = '/docs';
export const OPENAPI_PATH = '/openapi.json';

export const registerOpenApi = (
  app: FastifyInstance,
  options: OpenApiOptions & { version: string },
): void => {
  void app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: options.title, description: options.description, version: options.version },
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
      security: [{ bearerAuth: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  void app.register(fastifySwaggerUi, { routePrefix: DOCS_PREFIX });
  app.get(OPENAPI_PATH, { config: { public: true }, schema: { hide: true } }, () => app.swagger());
};
