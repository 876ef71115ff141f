import { z } from 'zod';
import { OPERATIONS, type OperationDoc } from './openapi-operations.js';

/**
 * The OpenAPI 3.1 document of every /api/v1 route the app registered. Paths and access (public, signed in,
 * permission) come from the route table; request and response JSON Schemas are derived from the zod schemas
 * (z.toJSONSchema, input side for requests — a coded field accepts a code or a label).
 */
export interface RegisteredRoute {
  method: string;
  url: string;
  access: string | undefined;
}

type Json = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
  return rest;
}

const ERROR_SCHEMA: Json = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'request_id'],
      properties: {
        code: { type: 'string', description: 'Message key, e.g. invalid, notFound, diubahOrangLain' },
        message: { type: 'string', description: 'In the caller’s language (Indonesian by default)' },
        fields: { type: 'object', additionalProperties: { type: 'string' } },
        request_id: { type: 'string' },
      },
    },
    errors: {
      type: 'object',
      additionalProperties: { type: 'string' },
      description: 'Field → localised message, for every field that was refused',
    },
  },
};

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

const ERROR_RESPONSES = {
  Unauthorized: errorResponse('No valid Bearer token (or session)'),
  Forbidden: errorResponse('None of the caller’s roles carries the permission'),
  NotFound: errorResponse('No such record, or outside the caller’s scope (existence is not revealed)'),
  Conflict: errorResponse('Conflict: a number in use (the message names where), a newer version, …'),
  Unprocessable: errorResponse('Invalid input: every refused field under `errors`'),
} as const;

export const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

function parameters(path: string, doc: OperationDoc | undefined): Json[] {
  const inPath = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: name === 'kode' ? { type: 'string', example: '33.17.09.2001' } : { type: 'integer', minimum: 1 },
  }));
  if (!doc?.query) return inPath;
  const query = jsonSchema(doc.query, 'input') as { properties?: Record<string, Json>; required?: string[] };
  const inQuery = Object.entries(query.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: query.required?.includes(name) ?? false,
    ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
    schema,
  }));
  return [...inPath, ...inQuery];
}

function operation(route: RegisteredRoute, path: string): Json {
  const doc = OPERATIONS[`${route.method} ${path}`];
  const access = route.access ?? 'public';
  const responses: Json = {};
  for (const [status, r] of Object.entries(doc?.responses ?? { 200: { description: 'OK' } })) {
    responses[status] = {
      description: r.description,
      ...(r.schema ? { content: { 'application/json': { schema: jsonSchema(r.schema, 'output') } } } : {}),
    };
  }
  const ref = (name: keyof typeof ERROR_RESPONSES) => ({ $ref: `#/components/responses/${name}` });
  if (access !== 'public') responses['401'] = ref('Unauthorized');
  if (access !== 'public' && access !== 'authenticated') responses['403'] = ref('Forbidden');
  if (path.includes('{')) responses['404'] = ref('NotFound');
  if (doc?.conflict) responses['409'] = ref('Conflict');
  if (doc?.body || doc?.query) responses['422'] = ref('Unprocessable');
  return {
    operationId: `${route.method.toLowerCase()}${path.replace(/[{}]/g, '').replace(/[/.-](\w)/g, (_, c: string) => c.toUpperCase())}`,
    summary: doc?.summary ?? route.url,
    ...(doc?.description ? { description: doc.description } : {}),
    tags: [doc?.tag ?? 'lain'],
    security: access === 'public' ? [] : [{ bearer: [] }],
    'x-permission': access,
    ...(doc ? {} : { 'x-undocumented': true }),
    parameters: parameters(path, doc),
    ...(doc?.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(doc.body, 'input') } } } }
      : {}),
    responses,
  };
}

export function buildOpenApi(routes: readonly RegisteredRoute[]): Json {
  const paths: Record<string, Json> = {};
  for (const route of routes) {
    if (!route.url.startsWith('/api/v1/') && route.url !== '/api/v1') continue;
    const path = openApiPath(route.url);
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation(route, path) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Balai API',
      version: '1',
      description:
        'Village information system of one kabupaten. Authenticate with `Authorization: Bearer <token>` ' +
        '(`npx balai token create`); a token acts with its owner’s roles and scopes. Field names follow the ' +
        'OpenSID import columns; coded fields accept a code or its label. NIK and KK numbers are masked for ' +
        'callers without read:nik. `x-permission` names what each operation needs.',
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'penduduk' },
      { name: 'keluarga' },
      { name: 'peristiwa' },
      { name: 'desa' },
      { name: 'wilayah' },
      { name: 'statistik' },
      { name: 'akun' },
      { name: 'dokumen' },
    ],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'API token from `npx balai token create`' },
      },
      schemas: { Error: ERROR_SCHEMA },
      responses: ERROR_RESPONSES,
    },
  };
}
