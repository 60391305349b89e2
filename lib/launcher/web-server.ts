// The web app's HTTP server, started by the launcher: Next.js (production build, or --dev) behind
// one step Next.js itself cannot take. Only this server sees the connection's peer address; it
// decides from it and TRUSTED_PROXIES who the client is and hands that on as X-Forwarded-For, so
// rate limits, sessions and the audit log record the real address, not one a client made up.
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { projectRoot } from "@/lib/config/paths";
import { settleForwardingHeaders, trustedProxies } from "@/lib/http/client-address";
import { log } from "@/lib/log";

const { values: flags } = parseArgs({
  options: {
    dev: { type: "boolean", default: false },
    port: { type: "string", default: "3000" },
    hostname: { type: "string", default: "127.0.0.1" },
  },
});
const dev = flags.dev;
const port = Number(flags.port);
const trusted = trustedProxies();

process.env.NEXT_TELEMETRY_DISABLED = "1";
// What `next start` / `next dev` would set, before Next.js and React are loaded.
Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? (dev ? "development" : "production") });
// biome-ignore lint/style/noRestrictedImports: the web server starts Next.js itself; nothing in the domain imports this file
const { default: next } = await import("next");

const server = createServer();
const app = next({ dev, dir: projectRoot, hostname: flags.hostname, port, httpServer: server });
await app.prepare();
const handle = app.getRequestHandler();
server.on("request", (request, response) => {
  settleForwardingHeaders(request.headers, request.socket.remoteAddress, trusted);
  handle(request, response).catch((error: unknown) => {
    log.error("Request failed before the app could answer", { component: "web", error });
    if (!response.headersSent) response.writeHead(500);
    response.end();
  });
});
server.listen(port, flags.hostname, () => log.info(`Web app listening on http://${flags.hostname}:${port}${dev ? " (development)" : ""}`));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
    // Open connections (a video being streamed) do not hold the exit up for long.
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
