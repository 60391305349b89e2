import { describe, expect, it } from "vitest";
import { type ChromiumLookup, OWN_CHROMIUM_FLAGS, packageFlagsWithOurs, resolveChromium, SYSTEM_CHROMIUM } from "./chromium";

const PACKAGE_ARGS = [
  "--no-pings",
  "--single-process",
  "--disable-features=AudioServiceOutOfProcess,IsolateOrigins,site-per-process",
  "--allow-running-insecure-content",
  "--disable-web-security",
  "--no-sandbox",
  "--headless='shell'",
];

/** A machine with these executable files and, maybe, the npm package's Chromium. */
function machine(env: Record<string, string>, executables: string[], withPackage = true): ChromiumLookup & { unpacked: () => number } {
  let unpacked = 0;
  return {
    env,
    isExecutableFile: (filePath) => executables.includes(filePath),
    packageChromium: async () => {
      if (!withPackage) return undefined;
      unpacked += 1;
      return { executablePath: "/tmp/chromium", args: PACKAGE_ARGS };
    },
    unpacked: () => unpacked,
  };
}

describe("choosing the Chromium to launch", () => {
  it("takes CHROMIUM_PATH first, with our flags only", async () => {
    const lookup = machine({ CHROMIUM_PATH: "/opt/chrome/chrome" }, ["/opt/chrome/chrome", SYSTEM_CHROMIUM]);
    expect(await resolveChromium(lookup)).toEqual({ executablePath: "/opt/chrome/chrome", args: [...OWN_CHROMIUM_FLAGS], source: "env" });
    expect(lookup.unpacked()).toBe(0);
  });

  it("takes Debian's chromium over the npm package, without unpacking the package", async () => {
    const lookup = machine({ CHROMIUM_PATH: "" }, [SYSTEM_CHROMIUM]);
    expect(await resolveChromium(lookup)).toMatchObject({ executablePath: SYSTEM_CHROMIUM, source: "system" });
    expect(lookup.unpacked()).toBe(0);
  });

  it("falls back to @sparticuz/chromium with its flags, less the Lambda-only ones, plus ours", async () => {
    const launch = await resolveChromium(machine({}, []));
    expect(launch.executablePath).toBe("/tmp/chromium");
    expect(launch.source).toBe("package");
    expect(launch.args).toEqual([
      "--no-pings",
      "--disable-features=AudioServiceOutOfProcess,IsolateOrigins,site-per-process",
      "--no-sandbox",
      "--headless='shell'",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ]);
  });

  it("refuses a CHROMIUM_PATH that points at nothing, naming the variable", async () => {
    await expect(resolveChromium(machine({ CHROMIUM_PATH: "/opt/none/chrome" }, [SYSTEM_CHROMIUM]))).rejects.toThrow(
      'CHROMIUM_PATH is set to "/opt/none/chrome", which is not an executable file',
    );
  });

  it("says what to install when there is no Chromium at all", async () => {
    await expect(resolveChromium(machine({}, [], false))).rejects.toThrow(
      "No Chromium found: run npm install (the dev dependency @sparticuz/chromium ships one), install Debian's chromium (/usr/bin/chromium) or set CHROMIUM_PATH",
    );
  });

  it("keeps each flag once", () => {
    expect(packageFlagsWithOurs(["--no-sandbox", "--disable-gpu", "--single-process"])).toEqual([...OWN_CHROMIUM_FLAGS]);
  });
});
