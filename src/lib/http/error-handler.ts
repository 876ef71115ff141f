import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { HttpError, isHttpError, notFound } from '#src/lib/errors.js';
import { type ErrKey, localise } from '#src/lib/i18n/messages.js';
import { ErrorPage } from '#src/lib/views/error-page.js';
import { pageCtx, sendPage } from './page.js';
import { isApi } from './request.js';

/** Framework errors (body limits, media types, multipart limits) in the same shape as ours. */
function toHttpError(error: FastifyError): HttpError {
  if (isHttpError(error)) return error;
  const status = error.statusCode ?? 500;
  if (status === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE') return new HttpError(413, 'payloadTooLarge');
  if (status === 415) return new HttpError(415, 'unsupportedMediaType');
  if (status >= 400 && status < 500) return new HttpError(status, status === 404 ? 'notFound' : 'invalid');
  return new HttpError(500, 'serverError' as ErrKey);
}

export function respondWithError(req: FastifyRequest, reply: FastifyReply, error: HttpError) {
  const message = localise(error.key, req.m, error.params);
  reply.headers(error.headers);
  if (isApi(req)) {
    const fields = Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k, localise(v, req.m)]));
    const hasFields = Object.keys(fields).length > 0;
    // field messages also at the top level (`errors`), the shape API clients of the registry read
    return reply.code(error.status).send({
      error: { code: error.key, message, ...(hasFields ? { fields } : {}), request_id: req.id },
      ...(hasFields ? { errors: fields } : {}),
    });
  }
  return sendPage(
    reply,
    error.status,
    h(ErrorPage, { ctx: pageCtx(req, reply), status: error.status, message, requestId: req.id }),
  );
}

/** One error handler: typed errors → page or JSON in the user's language; 5xx details only in the log. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    const httpError = toHttpError(error);
    if (httpError.status >= 500) req.log.error({ err: error }, 'kesalahan server');
    else req.log.info({ status: httpError.status, code: httpError.key }, 'permintaan ditolak');
    return respondWithError(req, reply, httpError);
  });
  app.setNotFoundHandler((req, reply) => respondWithError(req, reply, notFound()));
}
