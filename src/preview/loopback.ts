import { BlockList, isIP } from 'node:net';

// Loopback by address, not by spelling: 127.1, 0:0:0:0:0:0:0:1 and ::ffff:127.0.0.1 are loopback
// too (BlockList matches IPv4-mapped IPv6 addresses against the IPv4 subnet).
const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** Whether an IP address (as the socket gives it, or written out in any form) is this machine's loopback. */
export function isLoopbackAddress(address: string): boolean {
  const bare = address.replace(/^\[(.*)\]$/, '$1');
  const family = isIP(bare);
  return family !== 0 && loopback.check(bare, family === 6 ? 'ipv6' : 'ipv4');
}

/** The host name of a Host header as a browser's URL parser reads it ("127.1:80" -> "127.0.0.1"); undefined if none. */
export function hostOfHeader(header: string | undefined): string | undefined {
  try {
    return new URL(`http://${header ?? ''}`).hostname;
  } catch {
    return undefined;
  }
}

/**
 * On a loopback address, only requests that name this machine: `localhost` or a loopback address
 * written in any form. A page of another site reaching the preview by DNS rebinding names its own
 * domain, and is refused.
 */
export function isLoopbackHost(header: string | undefined): boolean {
  const host = hostOfHeader(header);
  return host !== undefined && (host === 'localhost' || isLoopbackAddress(host));
}

/** Whether a --host is an address in some spelling (127.1, 0x7f.1, 0:0:0:0:0:0:0:1) rather than a name, as a URL parser reads it. */
export function isAddress(host: string): boolean {
  const parsed = hostOfHeader(host.includes(':') ? `[${host}]` : host);
  return parsed !== undefined && isIP(parsed.replace(/^\[(.*)\]$/, '$1')) !== 0;
}
