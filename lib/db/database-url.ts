export function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. Start the product with `npm start` (which runs the embedded PostgreSQL), " +
        "or set DATABASE_URL to a PostgreSQL server.",
    );
  }
  return url;
}
