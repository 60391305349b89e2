import { chmodSync, statSync } from "node:fs";
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
        (mode & 0o001) !== 0 || (stats.uid === user.uid && (mode & 0o100) !== 0) || (stats.gid === user.gid && (mode & 0o010) !== 0);
      if (!enters) return { folder, mode: mode.toString(8).padStart(3, "0") };
    }
    if (path.dirname(folder) === folder) return null;
  }
}

/**
 * As root, the embedded server runs as the `postgres` user, which must reach both its binaries (in
 * node_modules) and its data folder. A checkout under a private folder (mode 700, as `mktemp -d`
 * makes) would stop initdb with a bare EACCES, so each closed folder on the way is given the
 * "other" execute bit only: postgres may pass through, not list it. When that is refused, the error
 * says which folder and what to do.
 */
export function letPostgresUserReach(targets: readonly string[], user: PostgresUser, log: (line: string) => void = () => {}): void {
  for (const target of targets) {
    for (let closed = firstClosedFolder(target, user); closed; closed = firstClosedFolder(target, user)) {
      const { folder, mode } = closed;
      try {
        chmodSync(folder, Number.parseInt(mode, 8) | 0o001);
      } catch (error) {
        throw new Error(
          `Embedded PostgreSQL runs as the "postgres" user when started as root, and that user cannot enter ${folder} ` +
            `(mode ${mode}) on the way to ${target}; letting it through failed (${(error as Error).message}). ` +
            `Run \`chmod o+x ${folder}\`, run as another user, or set DATABASE_URL to a PostgreSQL server of your own.`,
        );
      }
      log(`Let the postgres user pass through ${folder} (mode ${mode} → o+x) to reach ${target}`);
    }
  }
}
