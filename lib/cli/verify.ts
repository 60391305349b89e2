/** Thin shell over lib/verifier's CLI: `npm run --silent verify -- --input FILE.jsonl [--preset paper|reference-code]`. */
import { runVerifyCli } from "@/lib/verifier/cli/run-verify-cli";

process.exitCode = await runVerifyCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});
