import net from "node:net";

function canListen(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

async function anyFreePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no free port"))));
    });
  });
}

/**
 * `preferred` when it is free; otherwise, unless the port was asked for explicitly, any free one
 * (several copies of the product on one machine each get their own simulator).
 */
export async function choosePort(preferred: number, explicit: boolean, host = "127.0.0.1"): Promise<number> {
  if (explicit || (await canListen(preferred, host))) return preferred;
  return anyFreePort(host);
}
