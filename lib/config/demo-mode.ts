/**
 * Demo mode (the embedded default): demo users with known passwords, demo datasets, and a notice
 * on the sign-in page. Off by default when the product runs on an external DATABASE_URL.
 */
export function isDemoMode(): boolean {
  const flag = process.env.DEMO_MODE;
  if (flag !== undefined) return flag === "1" || flag.toLowerCase() === "true";
  return !process.env.DATABASE_URL || process.env.VSTAR_EMBEDDED_DB === "1";
}
