// A service's routes go in a plugin, as the platform registers them: the OpenAPI plugin loads
// first and sees them, and they get the zod type provider of the app.
import type { FastifyInstance } from 'fastify';
import type { ServiceApp } from './app.ts';

/** The type provider the service kit's app carries (zod), for the routes' plugin scope. */
type ServiceTypeProvider =
  ServiceApp extends FastifyInstance<never, never, never, never, infer P> ? P : never;

export function registerServiceRoutes(app: ServiceApp, routes: (app: ServiceApp) => void): void {
  void app.register((scope, _options, done) => {
    routes(scope.withTypeProvider<ServiceTypeProvider>());
    done();
  });
}
