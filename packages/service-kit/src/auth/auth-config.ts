// The token settings every service reads from its environment, and the AuthOptions they give.
import { z } from 'zod';
import type { AuthOptions } from './authenticate.ts';

/** Tokens: an HS256 secret shared with the issuer, or an identity provider's JWKS. */
export const authConfigFields = {
  CRM_JWT_SECRET: z.string().min(32).optional(),
  AUTH_JWKS_URL: z.url().optional(),
  AUTH_ISSUER: z.string().min(1).default('crm-embedded'),
  AUTH_AUDIENCE: z.string().min(1).default('crm'),
};

export type AuthConfig = z.output<z.ZodObject<typeof authConfigFields>>;

/** Auth variables that hold credentials: redact them in logs. */
export const AUTH_SECRET_KEYS = ['CRM_JWT_SECRET'] as const;

/** For the schema's `.refine(hasAuthSource, AUTH_SOURCE_REQUIRED)`: one of the two must be set. */
export const hasAuthSource = (config: Pick<AuthConfig, 'CRM_JWT_SECRET' | 'AUTH_JWKS_URL'>) =>
  config.CRM_JWT_SECRET !== undefined || config.AUTH_JWKS_URL !== undefined;
export const AUTH_SOURCE_REQUIRED = {
  message: 'set CRM_JWT_SECRET (HS256) or AUTH_JWKS_URL (an identity provider)',
  path: ['CRM_JWT_SECRET'],
};

/** The JWKS when one is named, else the shared secret. */
export const authOptionsFrom = (config: AuthConfig): AuthOptions =>
  config.AUTH_JWKS_URL
    ? {
        kind: 'jwks',
        url: config.AUTH_JWKS_URL,
        issuer: config.AUTH_ISSUER,
        audience: config.AUTH_AUDIENCE,
      }
    : {
        kind: 'hs256',
        secret: config.CRM_JWT_SECRET!,
        issuer: config.AUTH_ISSUER,
        audience: config.AUTH_AUDIENCE,
      };
