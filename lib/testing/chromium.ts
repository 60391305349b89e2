import { isExecutableFile } from "@/lib/config/executable-file";

/** The browser the e2e tests and the screenshot script launch, with the flags to launch it with. */
export interface ChromiumLaunch {
  executablePath: string;
  args: string[];
  source: "env" | "system" | "package";
}

/** What resolution reads from the machine; tests pass their own. */
export interface ChromiumLookup {
  env: Readonly<Record<string, string | undefined>>;
  isExecutableFile: (filePath: string) => boolean;
  /** @sparticuz/chromium unpacked (to /tmp/chromium), with its flags; undefined when it is not installed. */
  packageChromium: () => Promise<{ executablePath: string; args: string[] } | undefined>;
}

export const SYSTEM_CHROMIUM = "/usr/bin/chromium";

/** Headless, no sandbox (containers run as root), and nothing that talks to Google's services. */
export const OWN_CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
] as const;

/**
 * The package's flags made for AWS Lambda that the tests must not have: one process for everything
 * (a crash takes the browser down), and web security off (it would hide CORS and mixed-content bugs).
 */
const DROPPED_PACKAGE_FLAGS = new Set(["--single-process", "--disable-web-security", "--allow-running-insecure-content"]);

/**
 * CHROMIUM_PATH when set; else Debian's /usr/bin/chromium when it exists; else the headless
 * Chromium of the npm package @sparticuz/chromium, with its flags less the Lambda-only ones.
 * Fails with what to install when there is none.
 */
export async function resolveChromium(lookup: ChromiumLookup = machineChromiumLookup()): Promise<ChromiumLaunch> {
  const override = lookup.env.CHROMIUM_PATH;
  if (override !== undefined && override !== "") {
    if (!lookup.isExecutableFile(override)) {
      throw new Error(`CHROMIUM_PATH is set to "${override}", which is not an executable file: fix it or unset it`);
    }
    return { executablePath: override, args: [...OWN_CHROMIUM_FLAGS], source: "env" };
  }
  if (lookup.isExecutableFile(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, args: [...OWN_CHROMIUM_FLAGS], source: "system" };
  const packaged = await lookup.packageChromium();
  if (packaged === undefined) {
    throw new Error(
      "No Chromium found: run npm install (the dev dependency @sparticuz/chromium ships one), " +
        `install Debian's chromium (${SYSTEM_CHROMIUM}) or set CHROMIUM_PATH to a Chromium binary`,
    );
  }
  return { executablePath: packaged.executablePath, args: packageFlagsWithOurs(packaged.args), source: "package" };
}

/** The package's flags without the dropped ones, then ours (each flag once). */
export function packageFlagsWithOurs(packageArgs: readonly string[]): string[] {
  const kept = packageArgs.filter((flag) => !DROPPED_PACKAGE_FLAGS.has(flag));
  return [...new Set([...kept, ...OWN_CHROMIUM_FLAGS])];
}

function machineChromiumLookup(): ChromiumLookup {
  return { env: process.env, isExecutableFile, packageChromium };
}

async function packageChromium(): Promise<{ executablePath: string; args: string[] } | undefined> {
  let chromium: typeof import("@sparticuz/chromium").default;
  try {
    chromium = (await import("@sparticuz/chromium")).default;
  } catch {
    // A production install (npm ci --omit=dev) has no dev dependencies.
    return undefined;
  }
  return { executablePath: await chromium.executablePath(), args: chromium.args };
}
