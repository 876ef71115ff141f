import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { cookieSettings, type Deps } from './deps.js';
import type { Env } from './env.js';
import { usesHttps } from './env.js';
import { resumeSession } from './features/auth/session.service.js';
import { authenticateToken } from './features/auth/token.service.js';
import { resumeAnjungan } from './features/mandiri/anjungan-state.js';
import { resumeWargaSesi } from './features/mandiri/warga-sesi.service.js';
import { createSitusHosts, installSitusHosts } from './features/situs/situs-host.js';
import type { Db, DialectName } from './lib/db/connect.js';
import { unauthorized } from './lib/errors.js';
import { installErrorHandlers } from './lib/http/error-handler.js';
import { requireHolder, requirePermission } from './lib/http/route.js';
import type { id } from './lib/i18n/id.js';
import { isLang, LANG_COOKIE, messagesFor } from './lib/i18n/messages.js';
import { loggerOptions } from './lib/logger.js';
import { PUBLIC_DIR } from './lib/paths.js';
import { createFileStore, type FileStore, uploadsRoot } from './lib/storage.js';
import { buildRoutes } from './routes.js';

declare module 'fastify' {
  interface FastifyInstance {
    registeredRoutes: readonly { method: string; url: string; access: string | undefined }[];
  }
}

export interface AppOptions {
  env: Env;
  db: Db;
  dialect: DialectName;
  files?: FileStore;
  /** false silences logs (tests); default: pino with redaction */
  logger?: boolean;
}

/** Language and identity, once per request: Bearer token first, else the session cookie. */
async function identify(req: FastifyRequest, d: Deps): Promise<void> {
  const lang = req.cookies[LANG_COOKIE];
  req.lang = isLang(lang) ? lang : 'id';
  req.m = messagesFor(req.lang);
  if (req.url.startsWith('/aset/') || req.url === '/healthz') return;
  const header = req.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const state = match?.[1] ? await authenticateToken(d.db, match[1]) : null;
    if (!state) throw unauthorized('tokenTidakValid');
    req.auth = state;
    return;
  }
  const token = req.cookies[d.cookies.session];
  if (token) req.auth = await resumeSession(d.db, token, d.sessionPolicy);
  // layanan mandiri: a resident's session and a kiosk's device token (own cookies, never mixed with staff's)
  const warga = req.cookies[d.cookies.warga];
  if (warga) req.warga = await resumeWargaSesi(d.db, warga);
  const kiosk = req.cookies[d.cookies.anjungan];
  if (kiosk) req.anjungan = await resumeAnjungan(d.db, kiosk, d.env.BALAI_ANJUNGAN_IDLE_DETIK);
}

/** Build the app: plugins, then the one route table (src/routes.ts). */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { env } = options;
  const deps: Deps = {
    db: options.db,
    dialect: options.dialect,
    env,
    files: options.files ?? createFileStore(uploadsRoot(env.BALAI_DATA_DIR)),
    sessionPolicy: { idleMinutes: env.BALAI_SESSION_IDLE_MINUTES, maxDays: env.BALAI_SESSION_MAX_DAYS },
    origins: env.BALAI_PUBLIC_URL ? [new URL(env.BALAI_PUBLIC_URL).origin] : [],
    cookies: cookieSettings(env),
  };

  // desa sites on their own host names are rewritten under /situs/{kode} (src/features/situs/situs-host.ts)
  const situsHosts = createSitusHosts({
    trustProxy: env.BALAI_TRUST_PROXY,
    ownHost: env.BALAI_PUBLIC_URL ? new URL(env.BALAI_PUBLIC_URL).hostname : null,
  });
  const app = Fastify({
    rewriteUrl: situsHosts.rewrite,
    logger: options.logger === false ? false : loggerOptions(env),
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: env.BALAI_BODY_LIMIT,
    trustProxy: env.BALAI_TRUST_PROXY,
    // letter QR tokens (/v/:token) are ~200 characters, longer than Fastify's default of 100
    routerOptions: { maxParamLength: 700 },
  });

  // every route that gets registered, for the role × route test: none may lack a declared access rule
  const registered: { method: string; url: string; access: string | undefined }[] = [];
  app.decorate('registeredRoutes', registered);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') registered.push({ method, url: route.url, access: route.config?.access });
    }
  });

  app.decorateRequest('auth', null);
  app.decorateRequest('grant', null);
  app.decorateRequest('warga', null);
  app.decorateRequest('anjungan', null);
  app.decorateRequest('lang', 'id');
  app.decorateRequest('m', null as unknown as typeof id);

  await app.register(cookie);
  await app.register(formbody);
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: env.BALAI_UPLOAD_LIMIT, files: 1, fields: 20, fieldSize: 10_000 },
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(usesHttps(env) ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: usesHttps(env) ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    referrerPolicy: { policy: 'same-origin' },
  });
  await app.register(fastifyStatic, { root: PUBLIC_DIR, serve: false });

  app.addHook('onRequest', async (req) => identify(req, deps));
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  installErrorHandlers(app);

  for (const def of buildRoutes(deps)) {
    app.route({
      method: def.method,
      url: def.url,
      ...(def.bodyLimit ? { bodyLimit: def.bodyLimit } : {}),
      config: {
        access: def.access,
        ...(def.fileLimit ? { multipartOptions: { limits: { fileSize: def.fileLimit, files: 1, fields: 20 } } } : {}),
      },
      // a large upload is read only for someone who may send it (the full check, CSRF included, follows)
      ...(def.fileLimit ? { onRequest: (req: FastifyRequest) => requireHolder(req, def) } : {}),
      preHandler: (req, reply) => requirePermission(req, reply, def, deps.origins),
      handler: def.handler,
    });
  }
  await installSitusHosts(app, situsHosts, deps.db);
  return app;
}
