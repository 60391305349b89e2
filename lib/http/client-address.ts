import type { IncomingHttpHeaders } from "node:http";
import { BlockList, isIP } from "node:net";

/**
 * The reverse proxies whose forwarding headers are believed (TRUSTED_PROXIES: addresses or CIDR
 * ranges, comma- or space-separated, e.g. `127.0.0.1, 10.0.0.0/8, ::1`). Unset or empty trusts none:
 * the client is whoever opened the connection, and any X-Forwarded-For it sends is ignored.
 * Throws naming the entry that is neither an address nor a range.
 */
export function trustedProxies(env: Readonly<Record<string, string | undefined>> = process.env): BlockList {
  const list = new BlockList();
  for (const entry of (env.TRUSTED_PROXIES ?? "").split(/[\s,]+/).filter(Boolean)) {
    const [address = "", prefix, ...rest] = entry.split("/");
    const family = isIP(address);
    const bits = prefix === undefined ? (family === 6 ? 128 : 32) : /^\d{1,3}$/.test(prefix) ? Number(prefix) : Number.NaN;
    if (family === 0 || rest.length > 0 || !(bits >= 0 && bits <= (family === 6 ? 128 : 32))) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or a CIDR range (such as 10.0.0.0/8)`);
    }
    list.addSubnet(address, bits, family === 6 ? "ipv6" : "ipv4");
  }
  return list;
}

/** An address as the app records it: IPv4 clients of a dual-stack socket (`::ffff:1.2.3.4`) as IPv4. */
function normalize(address: string): string | null {
  const trimmed = address.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(trimmed)?.[1];
  if (mapped && isIP(mapped) === 4) return mapped;
  return isIP(trimmed) === 0 ? null : trimmed;
}

function isTrusted(address: string, trusted: BlockList): boolean {
  return trusted.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

/**
 * Who sent a request: the connection's peer, unless that peer is a trusted proxy, in which case its
 * X-Forwarded-For is read from the right (each proxy appends the address it saw), skipping further
 * trusted proxies; the first address that is not one is the client. Entries left of it were
 * written by the client and are never believed. A garbled entry stops the walk at the last proxy.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, trusted: BlockList): string | null {
  let client = peer === undefined ? null : normalize(peer);
  if (client === null || !isTrusted(client, trusted)) return client;
  const hops = [forwardedFor ?? []]
    .flat()
    .join(",")
    .split(",")
    .filter((hop) => hop.trim() !== "");
  for (const hop of hops.reverse()) {
    const address = normalize(hop);
    if (address === null) return client;
    client = address;
    if (!isTrusted(address, trusted)) return client;
  }
  return client;
}

/** Forwarding headers that only a trusted proxy may set; from anyone else they are dropped. */
const PROXY_HEADERS = ["forwarded", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip"] as const;

/**
 * Rewrites an incoming request's headers before the app sees them: X-Forwarded-For becomes the one
 * client address decided here (the app, better-auth included, reads only that header), and the
 * other forwarding headers are kept only when a trusted proxy sent them.
 */
export function settleForwardingHeaders(headers: IncomingHttpHeaders, peer: string | undefined, trusted: BlockList): void {
  const client = clientAddress(peer, headers["x-forwarded-for"], trusted);
  const peerAddress = peer === undefined ? null : normalize(peer);
  if (peerAddress === null || !isTrusted(peerAddress, trusted)) for (const name of PROXY_HEADERS) delete headers[name];
  else delete headers["x-real-ip"];
  if (client === null) delete headers["x-forwarded-for"];
  else headers["x-forwarded-for"] = client;
}

/**
 * The client's address as the app reads it: the one address lib/launcher/web-server.ts left in X-Forwarded-For
 * (see settleForwardingHeaders). A list, or anything that is not an address, is no answer.
 */
export function requestClientAddress(headers: Headers): string | null {
  const value = headers.get("x-forwarded-for");
  return value === null || value.includes(",") ? null : normalize(value);
}
