import { statSync } from "node:fs";
import path from "node:path";

export interface PostgresUser {
  uid: number | null;
  gid: number | null;
}

/**
 * The first folder on the way to `target` that the given user may not enter (no execute bit for
 * it as owner, group or other), or null when every folder lets it through. A user not created yet
 * (null ids) needs the "other" bit.
 */
export function firstClosedFolder(target: string, user: PostgresUser): { folder: string; mode: string } | null {
  for (let folder = path.resolve(target); ; folder = path.dirname(folder)) {
    const stats = statSync(folder, { throwIfNoEntry: false });
    if (stats?.isDirectory()) {
      const mode = stats.mode & 0o777;
      const enters =
        (mode & 0o001) !== 0 ||
        (stats.uid === user.uid && (mode & 0o100) !== 0) ||
        (stats.gid === user.gid && (mode & 0o010) !== 0);
      if (!enters) return { folder, mode: mode.toString(8).padStart(3, "0") };
    }
    if (path.dirname(folder) === folder) return null;
  }
}

/**
 * As root, the embedded server runs as the `postgres` user, which must reach both its binaries
 * (in node_modules) and its data folder; a checkout under a private folder (mode 700) stops it
 * with a bare EACCES from initdb, so say which folder and what to do.
 */
export function assertPostgresUserCanReach(targets: readonly string[], user: PostgresUser): void {
  for (const target of targets) {
    const closed = firstClosedFolder(target, user);
    if (closed) {
      throw new Error(
        `Embedded PostgreSQL runs as the "postgres" user when started as root, and that user cannot enter ${closed.folder} ` +
          `(mode ${closed.mode}) on the way to ${target}. Let it through with \`chmod o+x ${closed.folder}\`, ` +
          `run as another user, or set DATABASE_URL to a PostgreSQL server of your own.`,
      );
    }
  }
}
