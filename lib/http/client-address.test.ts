import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, test } from "vitest";
import { clientAddress, requestClientAddress, settleForwardingHeaders, trustedProxies } from "./client-address";

const none = trustedProxies({});
const proxies = trustedProxies({ TRUSTED_PROXIES: "10.0.0.0/8, 127.0.0.1 ::1" });

describe("TRUSTED_PROXIES", () => {
  test("addresses and CIDR ranges, IPv4 and IPv6, separated by commas or spaces", () => {
    const list = trustedProxies({ TRUSTED_PROXIES: "192.0.2.10,10.0.0.0/8  2001:db8::/32" });
    expect(list.check("192.0.2.10", "ipv4")).toBe(true);
    expect(list.check("192.0.2.11", "ipv4")).toBe(false);
    expect(list.check("10.200.3.4", "ipv4")).toBe(true);
    expect(list.check("2001:db8::7", "ipv6")).toBe(true);
  });

  test.each(["10.0.0.0/33", "proxy.internal", "10.0.0.0/8/1", "::1/129", "10.0.0.0/x", "*"])("%s is refused, named", (entry) => {
    expect(() => trustedProxies({ TRUSTED_PROXIES: entry })).toThrow(`"${entry}"`);
  });
});

describe("the client of a request", () => {
  test.each<[string, string | undefined, string | undefined, string | null]>([
    ["no proxy trusted: the peer, whatever it forwards", "203.0.113.5", "198.51.100.1", "203.0.113.5"],
    ["an IPv4 peer on a dual-stack socket", "::ffff:203.0.113.5", "198.51.100.1", "203.0.113.5"],
    ["no peer known", undefined, "198.51.100.1", null],
  ])("%s", (_name, peer, forwardedFor, expected) => {
    expect(clientAddress(peer, forwardedFor, none)).toBe(expected);
  });

  test.each<[string, string | undefined, string | string[] | undefined, string | null]>([
    ["an untrusted peer's header is ignored", "203.0.113.5", "198.51.100.1", "203.0.113.5"],
    ["a trusted proxy's header names the client", "10.0.0.2", "198.51.100.1", "198.51.100.1"],
    ["a trusted proxy over IPv4-mapped IPv6", "::ffff:127.0.0.1", "198.51.100.1", "198.51.100.1"],
    ["addresses the client prepended are not believed", "10.0.0.2", "1.2.3.4, 198.51.100.1", "198.51.100.1"],
    ["several trusted proxies are walked through", "127.0.0.1", "1.2.3.4, 198.51.100.1, 10.9.9.9", "198.51.100.1"],
    ["header repeated: read as one list", "10.0.0.2", ["1.2.3.4", "198.51.100.1"], "198.51.100.1"],
    ["a trusted proxy with no header: the proxy itself", "10.0.0.2", undefined, "10.0.0.2"],
    ["garbage from the client stops the walk at the last proxy", "10.0.0.2", "1.2.3.4, not-an-ip, 10.0.0.3", "10.0.0.3"],
    ["only proxies in the chain: the first of them", "10.0.0.2", "10.0.0.9, 10.0.0.3", "10.0.0.9"],
  ])("%s", (_name, peer, forwardedFor, expected) => {
    expect(clientAddress(peer, forwardedFor, proxies)).toBe(expected);
  });

  test("the headers the app sees: one decided address, and proxy headers only from a proxy", () => {
    const spoofed: IncomingHttpHeaders = {
      "x-forwarded-for": "198.51.100.1",
      "x-real-ip": "198.51.100.2",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
      forwarded: "for=198.51.100.3",
    };
    settleForwardingHeaders(spoofed, "203.0.113.5", proxies);
    expect(spoofed).toEqual({ "x-forwarded-for": "203.0.113.5" });

    const proxied: IncomingHttpHeaders = { "x-forwarded-for": "198.51.100.1", "x-forwarded-proto": "https", "x-real-ip": "1.1.1.1" };
    settleForwardingHeaders(proxied, "10.0.0.2", proxies);
    expect(proxied).toEqual({ "x-forwarded-for": "198.51.100.1", "x-forwarded-proto": "https" });
  });

  test.each<[string | null, string | null]>([
    ["198.51.100.1", "198.51.100.1"],
    ["::FFFF:198.51.100.1", "198.51.100.1"],
    ["198.51.100.1, 10.0.0.1", null],
    ["unknown", null],
    [null, null],
  ])("the app reads %s as %s", (header, expected) => {
    expect(requestClientAddress(new Headers(header === null ? {} : { "x-forwarded-for": header }))).toBe(expected);
  });
});

test("over a real connection from 127.0.0.1, a forged X-Forwarded-For never reaches the app", async () => {
  const seen: IncomingHttpHeaders[] = [];
  for (const list of [none, proxies]) {
    const server = createServer((request, response) => {
      settleForwardingHeaders(request.headers, request.socket.remoteAddress, list);
      seen.push({ ...request.headers });
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await fetch(`http://127.0.0.1:${port}/`, { headers: { "x-forwarded-for": "203.0.113.9" } });
    await new Promise((resolve) => server.close(resolve));
  }
  expect(seen.map((headers) => headers["x-forwarded-for"])).toEqual(["127.0.0.1", "203.0.113.9"]);
});
