import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { isAddress, isLoopbackAddress, isLoopbackHost } from './loopback.js';
import { startPreview } from './server.js';
import { copyContent } from '../testing/preview.js';

/** The status of a GET of the preview's own URL, with a Host header of its own if given. */
function statusOf(url: string, host?: string): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname.replace(/^\[(.*)\]$/, '$1'), port, path: '/', agent: false, ...(host ? { headers: { host } } : {}) }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('loopback by address, not by spelling (issue 21, finding 11)', () => {
  it('knows every spelling of a loopback address, and nothing else', () => {
    for (const address of ['127.0.0.1', '127.0.0.2', '127.255.255.254', '::1', '0:0:0:0:0:0:0:1', '[::1]', '::ffff:127.0.0.1', '::ffff:7f00:1']) expect(isLoopbackAddress(address), address).toBe(true);
    for (const address of ['0.0.0.0', '::', '10.0.0.1', '128.0.0.1', '::ffff:10.0.0.1', 'localhost', '127.1', 'example.com']) expect(isLoopbackAddress(address), address).toBe(false);
  });

  it('tells an address in any spelling from a name', () => {
    for (const host of ['127.1', '0x7f.1', '127.0.0.2', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1', '0.0.0.0']) expect(isAddress(host), host).toBe(true);
    for (const host of ['localhost', 'example.com', 'preview.local']) expect(isAddress(host), host).toBe(false);
  });

  it('lets through a Host header naming this machine in any form, not a domain (DNS rebinding)', () => {
    for (const host of ['localhost:4321', '127.0.0.1:4321', '127.1:4321', '127.0.0.2', '[::1]:4321', '[0:0:0:0:0:0:0:1]', '[::ffff:127.0.0.1]:80']) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['attacker.example:4321', '127.0.0.1.attacker.example', '10.0.0.1', '', undefined]) expect(isLoopbackHost(host), String(host)).toBe(false);
  });

  it.each(['127.1', '127.0.0.2'])('a preview on --host %s is loopback: no warning, its own URL answers, a foreign Host is refused', { timeout: 60_000 }, async (host) => {
    const preview = await startPreview({ content: copyContent(['goci-2021/azerbaijan.md']), host, port: 0 });
    try {
      expect(preview.loopback).toBe(true);
      expect(new URL(preview.url).hostname).toBe(host === '127.1' ? '127.0.0.1' : host);
      expect(await statusOf(preview.url)).toBe(200);
      expect(await statusOf(preview.url, 'attacker.example')).toBe(403);
    } finally {
      await preview.close();
    }
  });
});
