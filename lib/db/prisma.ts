import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { poolConfigFromUrl } from "./connection-config";
import { requireDatabaseUrl } from "./database-url";

const cache = globalThis as unknown as { vstarPrisma?: PrismaClient };

/** The one Prisma client of this process (kept across Next.js dev reloads). */
export function prisma(): PrismaClient {
  cache.vstarPrisma ??= new PrismaClient({
    adapter: new PrismaPg({ ...poolConfigFromUrl(requireDatabaseUrl()), max: Number(process.env.DB_POOL_MAX ?? 10) }),
  });
  return cache.vstarPrisma;
}

export async function disconnectPrisma(): Promise<void> {
  await cache.vstarPrisma?.$disconnect();
  cache.vstarPrisma = undefined;
}
