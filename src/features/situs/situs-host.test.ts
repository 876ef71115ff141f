import type { IncomingMessage } from 'node:http';
import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { acceptsGzip } from '#src/features/assets/assets.routes.js';
import { createSitusHosts, hostOf, situsHostKode } from './situs-host.js';
import { cocokEtag } from './situs-kirim.js';

const raw = (url: string, headers: Record<string, string>) => ({ url, headers }) as unknown as IncomingMessage;

describe('desa host names', () => {
  const hosts = createSitusHosts({ trustProxy: false, ownHost: 'balai.example' });
  hosts.map.set('meteseh.example', '33.17.09.2001');
  hosts.map.set('maguan.example', '33.17.09.2002');

  it('rewrites every path of a desa host under its own /situs/{kode}, query kept', () => {
    const cases: [string, string, string][] = [
      ['meteseh.example', '/', '/situs/33.17.09.2001'],
      ['meteseh.example', '/?utm=x', '/situs/33.17.09.2001?utm=x'],
      ['meteseh.example:8080', '/artikel/x', '/situs/33.17.09.2001/artikel/x'],
      ['MAGUAN.example.', '/statistik', '/situs/33.17.09.2002/statistik'],
      // another desa's site or the office through a desa host: still under this desa, so a 404
      ['meteseh.example', '/situs/33.17.09.2002', '/situs/33.17.09.2001/situs/33.17.09.2002'],
      ['meteseh.example', '/desa/33.17.09.2001', '/situs/33.17.09.2001/desa/33.17.09.2001'],
      // shared on every host
      ['meteseh.example', '/aset/situs.css', '/aset/situs.css'],
      ['meteseh.example', '/v/abc', '/v/abc'],
      // the installation's own host and unknown hosts: never rewritten
      ['balai.example', '/desa/33.17.09.2001', '/desa/33.17.09.2001'],
      ['lain.example', '/', '/'],
    ];
    for (const [host, url, want] of cases) {
      const req = raw(url, { host });
      expect(hosts.rewrite(req), `${host}${url}`).toBe(want);
      if (want.startsWith('/situs/')) expect(situsHostKode(req)).toBe(want.split(/[/?]/)[2]);
      else expect(situsHostKode(req)).toBeUndefined();
    }
  });

  it('reads X-Forwarded-Host only behind a trusted proxy', () => {
    const req = raw('/', { host: 'balai.example', 'x-forwarded-host': 'meteseh.example' });
    expect(hostOf(req, false)).toBe('balai.example');
    expect(hostOf(req, true)).toBe('meteseh.example');
  });
});

describe('ETag matching', () => {
  it('compares weakly, over several tags and *', () => {
    expect(cocokEtag('W/"abc"', 'W/"abc"')).toBe(true);
    expect(cocokEtag('"abc"', 'W/"abc"')).toBe(true);
    expect(cocokEtag('"x", W/"abc"', 'W/"abc"')).toBe(true);
    expect(cocokEtag('*', 'W/"abc"')).toBe(true);
    expect(cocokEtag('W/"abd"', 'W/"abc"')).toBe(false);
    expect(cocokEtag(undefined, 'W/"abc"')).toBe(false);
  });
});

describe('gzip negotiation', () => {
  const ask = (h?: string) =>
    acceptsGzip({ headers: h === undefined ? {} : { 'accept-encoding': h } } as FastifyRequest);
  it('takes gzip unless refused with q=0', () => {
    expect(ask('gzip, deflate, br')).toBe(true);
    expect(ask('br;q=1.0, gzip;q=0.5')).toBe(true);
    expect(ask('gzip;q=0')).toBe(false);
    expect(ask('gzip;q=0.000')).toBe(false);
    expect(ask('identity')).toBe(false);
    expect(ask()).toBe(false);
  });
});
