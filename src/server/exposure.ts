import type { CORSOptions, Plugin } from 'graphql-yoga';
import type { Config } from '../config.js';

/**
 * What the HTTP server shows to whom: which browser origins may call the API, which headers every
 * response carries, and whether GraphiQL and introspection are on.
 */

export interface Exposure {
  graphiql: boolean;
  introspection: boolean;
}

/** GraphiQL and introspection are on unless set off, and off by default in production. */
export function exposureOf(config: Config): Exposure {
  const developing = config.NODE_ENV !== 'production';
  return {
    graphiql: config.GRAPHIQL ?? developing,
    introspection: config.INTROSPECTION ?? developing,
  };
}

/**
 * CORS from the CORS_ORIGINS allow-list. An origin outside the list gets no CORS headers at all, so its
 * page cannot read answers. Credentials are never allowed: the API key travels in the Authorization
 * header, which a cross-origin page must set itself, so no cookie or ambient credential is ever needed.
 */
export function corsPolicy(config: Config): (request: Request) => CORSOptions {
  const allowed = new Set(config.CORS_ORIGINS);
  const anyOrigin = allowed.has('*');
  return (request) => {
    const origin = request.headers.get('origin');
    if (origin === null || !(anyOrigin || allowed.has(origin.toLowerCase()))) return false;
    return {
      origin: anyOrigin ? '*' : origin,
      credentials: false,
      methods: ['GET', 'POST'],
      allowedHeaders: ['content-type', 'authorization'],
      maxAge: 600,
    };
  };
}

/**
 * The pages load scripts, styles, fonts and workers from this server only. Styles may be inline because
 * GraphiQL's editor (Monaco) writes <style> elements at run time; fonts and icons come as data: URIs.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  // For browsers that predate frame-ancestors.
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

/** Puts SECURITY_HEADERS on every response, pages, assets, GraphQL answers and errors alike. */
export function useSecurityHeaders(): Plugin {
  return {
    onResponse: ({ response }) => {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
    },
  };
}
