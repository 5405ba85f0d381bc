import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preview, type StaticServer } from '../src/static-server.ts';

/**
 * `preview` (and so `npm run demo`) must answer every request and never serve a file outside its folder.
 * Requests go out with raw paths (fetch would normalise `..` away before sending).
 */
let tmp: string;
let server: StaticServer;

const get = (path: string, method = 'GET'): Promise<{ status: number; type: string; body: string }> =>
  new Promise((ok, fail) => {
    const { port } = new URL(server.url);
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        body += c;
      });
      res.on('end', () =>
        ok({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }),
      );
    });
    req.on('error', fail);
    req.end();
  });

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'ad-preview-'));
  const site = join(tmp, 'site');
  await mkdir(join(site, 'duckdb'), { recursive: true });
  await writeFile(join(site, 'index.html'), '<p>home</p>');
  await writeFile(join(site, 'duckdb', 'engine.wasm'), 'wasm');
  await writeFile(join(site, 'page.html'), '<p>page</p>');
  // Outside the served folder: a secret beside it and a sibling whose name starts like the folder's.
  await writeFile(join(tmp, 'secret.txt'), 'SECRET');
  await mkdir(join(tmp, 'site-evil'));
  await writeFile(join(tmp, 'site-evil', 'x.txt'), 'SECRET');
  await symlink(join(tmp, 'secret.txt'), join(site, 'link'));
  await symlink('/etc/passwd', join(site, 'passwd'));
  await symlink(tmp, join(site, 'up'));
  await symlink(join(site, 'page.html'), join(site, 'alias.html'));
  server = await preview(site, 0, '127.0.0.1', '/');
});
afterAll(async () => {
  await server?.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('preview static server', () => {
  it('serves files with their types, and index.html for a folder', async () => {
    expect(await get('/')).toMatchObject({
      status: 200,
      body: '<p>home</p>',
      type: 'text/html; charset=utf-8',
    });
    expect(await get('/duckdb/engine.wasm')).toMatchObject({ status: 200, type: 'application/wasm' });
    expect(await get('/page.html?x=1#y')).toMatchObject({ status: 200, body: '<p>page</p>' });
    expect(await get('/alias.html')).toMatchObject({ status: 200, body: '<p>page</p>' });
    expect(await get('/page.html', 'HEAD')).toMatchObject({ status: 200, body: '' });
    expect((await get('/page.html', 'POST')).status).toBe(405);
  });

  it('answers malformed percent-encoding with 400 and keeps running', async () => {
    for (const path of ['/%', '/%c0%ae', '/%E0%A4%A', '/a%ZZ', '/%ff.html']) {
      expect((await get(path)).status, path).toBe(400);
    }
    expect((await get('/page.html')).status).toBe(200);
  });

  it('refuses traversal, plain, encoded, double-encoded and with backslashes, as 404', async () => {
    const attempts = [
      '/../secret.txt',
      '/duckdb/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/%252e%252e/secret.txt',
      '/..%5csecret.txt',
      '/..\\secret.txt',
      '/duckdb\\..\\..\\secret.txt',
      '/../site-evil/x.txt',
      '/page.html%00.png',
    ];
    for (const path of attempts) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).not.toContain('SECRET');
    }
  });

  it('does not follow symlinks out of the folder', async () => {
    for (const path of ['/link', '/passwd', '/up/secret.txt', '/up/site-evil/x.txt']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).not.toMatch(/SECRET|root:/);
    }
  });

  it('serves only under its mount path', async () => {
    const mounted = await preview(join(tmp, 'site'), 0, '127.0.0.1', '/app');
    try {
      const ok = await fetch(`${mounted.url}page.html`);
      expect(ok.status).toBe(200);
      expect((await fetch(new URL('/page.html', mounted.url))).status).toBe(404);
    } finally {
      await mounted.close();
    }
  });

  it('takes types by extension over its own (the bench serves CSV as octet-stream)', async () => {
    await writeFile(join(tmp, 'site', 'rows.csv'), 'a,b\n1,2\n');
    expect((await fetch(`${server.url}rows.csv`)).headers.get('content-type')).toBe(
      'text/csv; charset=utf-8',
    );
    const typed = await preview(join(tmp, 'site'), 0, '127.0.0.1', '/', {
      '.csv': 'application/octet-stream',
    });
    try {
      const res = await fetch(`${typed.url}rows.csv`);
      expect(res.headers.get('content-type')).toBe('application/octet-stream');
      expect(await res.text()).toBe('a,b\n1,2\n');
      expect((await fetch(`${typed.url}page.html`)).headers.get('content-type')).toBe(
        'text/html; charset=utf-8',
      );
    } finally {
      await typed.close();
    }
  });

  it('serves one byte range as 206 (the engine check reads 8 bytes of the wasm), else the whole file', async () => {
    const url = `${server.url}duckdb/engine.wasm`; // 'wasm'
    const ranged = async (range: string) => {
      const res = await fetch(url, { headers: { Range: range } });
      return [res.status, res.headers.get('content-range'), await res.text()];
    };
    expect(await ranged('bytes=1-2')).toEqual([206, 'bytes 1-2/4', 'as']);
    expect(await ranged('bytes=2-')).toEqual([206, 'bytes 2-3/4', 'sm']);
    expect(await ranged('bytes=-3')).toEqual([206, 'bytes 1-3/4', 'asm']);
    expect(await ranged('bytes=0-99')).toEqual([206, 'bytes 0-3/4', 'wasm']);
    expect(await ranged('bytes=4-')).toEqual([416, 'bytes */4', '']);
    expect(await ranged('bytes=0-1,2-3')).toEqual([200, null, 'wasm']);
    const whole = await fetch(url);
    expect([whole.status, whole.headers.get('accept-ranges'), whole.headers.get('content-type')]).toEqual([
      200,
      'bytes',
      'application/wasm',
    ]);
  });
});
