import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../tests/support/app.js';
import { openApiPath } from './openapi.js';
import { OPERATIONS } from './openapi-operations.js';

interface Operation {
  security: unknown[];
  'x-permission': string;
  'x-undocumented'?: boolean;
  parameters: { name: string; in: string }[];
  requestBody?: {
    content: { 'application/json': { schema: { properties?: Record<string, unknown>; required?: string[] } } };
  };
  responses: Record<string, { content?: unknown; $ref?: string }>;
}

describe('OpenAPI document', () => {
  const t = useTestApp();

  async function fetchDocument() {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    return JSON.parse(res.body) as {
      openapi: string;
      paths: Record<string, Record<string, Operation>>;
      components: { securitySchemes: Record<string, { type: string; scheme: string }>; responses: object };
    };
  }

  it('is public, OpenAPI 3.1, with a bearer scheme and the error responses', async () => {
    const doc = await fetchDocument();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(Object.keys(doc.components.responses).sort()).toEqual(
      ['Conflict', 'Forbidden', 'NotFound', 'Unauthorized', 'Unprocessable'].sort(),
    );
  });

  it('describes every /api/v1 route the app registered, with its access, and nothing else', async () => {
    const doc = await fetchDocument();
    const registered = t.app.registeredRoutes.filter((r) => r.url.startsWith('/api/v1'));
    expect(registered.length).toBeGreaterThan(10);
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(new Set(documented)).toEqual(new Set(registered.map((r) => `${r.method} ${openApiPath(r.url)}`)));
    expect(new Set(Object.keys(OPERATIONS))).toEqual(new Set(documented));
    for (const r of registered) {
      const op = doc.paths[openApiPath(r.url)]?.[r.method.toLowerCase()] as Operation;
      expect(op['x-undocumented'], r.url).toBeUndefined();
      expect(op['x-permission'], r.url).toBe(r.access);
      expect(op.security, r.url).toEqual(r.access === 'public' ? [] : [{ bearer: [] }]);
      if (r.access !== 'public') expect(op.responses['401'], r.url).toBeDefined();
      const success = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
      expect(success.length, r.url).toBeGreaterThan(0);
      if (r.url !== '/api/v1/openapi.json') for (const [, s] of success) expect(s.content, r.url).toBeDefined();
      for (const name of [...r.url.matchAll(/:(\w+)/g)].map((m) => m[1]))
        expect(
          op.parameters.some((p) => p.in === 'path' && p.name === name),
          `${r.url} ${name}`,
        ).toBe(true);
    }
  });

  it('derives request schemas from the zod schemas (OpenSID names, required fields, codes or labels)', async () => {
    const doc = await fetchDocument();
    const create = doc.paths['/api/v1/desa/{kode}/penduduk']?.post as Operation;
    const schema = create.requestBody?.content['application/json'].schema;
    expect(schema?.required?.sort()).toEqual(['dusun', 'kk_level', 'nama', 'nik', 'no_kk'].sort());
    for (const field of ['nik', 'nama', 'no_kk', 'kk_level', 'sex', 'tempatlahir', 'tanggallahir', 'agama_id'])
      expect(schema?.properties, field).toHaveProperty(field);
    for (const field of ['dusun', 'rw', 'rt', 'alamat', 'status_dasar', 'lat', 'lng'])
      expect(schema?.properties, field).toHaveProperty(field);
    expect(schema?.properties?.sex).toMatchObject({
      type: ['string', 'number', 'null'],
      description: expect.stringContaining('2 = PEREMPUAN'),
    });
    expect(Object.keys(create.responses).sort()).toEqual(['201', '401', '403', '404', '409', '422']);
    const search = doc.paths['/api/v1/desa/{kode}/penduduk']?.get as Operation;
    expect(search.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(['kode', 'nik', 'q', 'halaman', 'per']),
    );
    const event = doc.paths['/api/v1/penduduk/{id}/peristiwa']?.post as Operation;
    expect(JSON.stringify(event.requestBody)).toContain('kepala_baru_id');
  });
});
