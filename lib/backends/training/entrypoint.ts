/** Quotes one word for a POSIX shell. */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_./:=@%+-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `llamafactory-cli train <config.yaml>`, the trainer's command line. */
export function llamaFactoryTrainCommand(configPath: string, cli = "llamafactory-cli"): string {
  return `${cli} train ${shellQuote(configPath)}`;
}

/** Environment shared by both engines, so a job knows which cycle it trains. */
export function cycleEnvironment(cycleIndex: number, outputDir: string): Record<string, string> {
  return { VSTAR_CYCLE_INDEX: String(cycleIndex), VSTAR_OUTPUT_DIR: outputDir };
}
