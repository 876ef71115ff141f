import type { FastifyRequest } from 'fastify';
import type { LoggerOptions } from 'pino';
import type { Env } from '#src/env.js';

/**
 * One pino logger. Never logged: authorization headers, cookies, passwords, tokens, NIK or KK numbers.
 * Request URLs are logged without their query string, and secret path segments (setup links) are masked.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.sandi',
  '*.sandi_lama',
  '*.sandi_ulang',
  '*.token',
  '*.nik',
  '*.no_kk',
  '*.nik_ayah',
  '*.nik_ibu',
];

export function maskUrl(url: string): string {
  return (url.split('?')[0] ?? '').replace(/^\/setup\/[^/]+/, '/setup/***');
}

export function loggerOptions(env: Env): LoggerOptions {
  return {
    level: env.LOG_LEVEL,
    redact: { paths: REDACT_PATHS, censor: '[disembunyikan]' },
    serializers: {
      req(req: FastifyRequest) {
        return { method: req.method, url: maskUrl(req.url), ip: req.ip };
      },
    },
  };
}
