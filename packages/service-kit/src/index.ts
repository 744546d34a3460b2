// @crm/service-kit: what every service's HTTP process shares.
export {
  createServiceApp,
  DEFAULT_BODY_LIMIT,
  type ServiceApp,
  type ServiceAppOptions,
} from './app.ts';
export {
  createTokenVerifier,
  requireRoles,
  ROLES,
  type AuthenticatedUser,
  type AuthOptions,
  type Role,
  type TokenVerifier,
} from './auth/authenticate.ts';
export {
  AUTH_SECRET_KEYS,
  AUTH_SOURCE_REQUIRED,
  authConfigFields,
  authOptionsFrom,
  hasAuthSource,
  type AuthConfig,
} from './auth/auth-config.ts';
export {
  issueToken,
  registerLoginRoute,
  type IssueTokenOptions,
  type LoginRouteOptions,
  type TokenSubject,
} from './auth/issuer.ts';
export {
  createUserDirectory,
  type DirectoryUser,
  type UserAccount,
  type UserDirectory,
} from './auth/users.ts';
export {
  booleanFromString,
  ConfigError,
  logLevel,
  parseConfig,
  port,
  redactConfig,
  secret,
  type ConfigIssue,
  type Env,
} from './config.ts';
export { mapErrorToProblem, type MapError } from './error-handler.ts';
export type {} from './fastify-augmentation.ts';
export type { CheckOutcome, Readiness, ReadinessCheck, ReadinessReport } from './health.ts';
export {
  runUntilSignalled,
  shutdown,
  type Closer,
  type RunUntilSignalledOptions,
  type ShutdownLog,
} from './lifecycle.ts';
export { createLogger, REDACT_PATHS, REQUEST_ID_HEADER } from './logging.ts';
export { registerServiceRoutes } from './service-routes.ts';
export {
  HttpProblem,
  isHttpProblem,
  problem,
  PROBLEM_CONTENT_TYPE,
  ProblemSchema,
  sendProblem,
  type HttpProblemInit,
  type Problem,
  type ProblemInit,
} from './problem.ts';
export type { FieldError, RequestPart } from './validation-problem.ts';
export { ifMatchHeaders, pinnedToIfMatch, revisionFromIfMatch } from './http/if-match.ts';
export {
  asOfQuery,
  behind,
  detailQuery,
  pageOf,
  pageOptions,
  pageQuery,
  sendWithEtag,
  WAIT_MS,
  waitForPosition,
  waitForPositionQuery,
  waitForRevisionQuery,
  type PageSort,
} from './http/read-queries.ts';
export {
  answerWrite,
  requestContextOf,
  writeResult,
  type RequestContext,
} from './http/write-answer.ts';
export { sendRecord, type RecordRead } from './http/send-record.ts';
