import type { ImportError } from "./types";

const DEFAULT_KEPT_ERRORS = 100;

/**
 * Collects problems found while parsing. Errors reject the whole import; warnings (data-quality
 * notes such as a FineDiving score that disagrees with its judges) never do; notes say how the
 * file was read (where STAR's frame rates came from). At most `limit` of each are kept, errors
 * and warnings are all counted.
 */
export class ImportErrorCollector {
  private readonly keptErrors: ImportError[] = [];
  private readonly keptWarnings: ImportError[] = [];
  private readonly keptNotes: ImportError[] = [];
  private errorTotal = 0;
  private warningTotal = 0;

  constructor(private readonly limit: number = DEFAULT_KEPT_ERRORS) {}

  add(error: ImportError): void {
    this.errorTotal += 1;
    if (this.keptErrors.length < this.limit) this.keptErrors.push(error);
  }

  warn(warning: ImportError): void {
    this.warningTotal += 1;
    if (this.keptWarnings.length < this.limit) this.keptWarnings.push(warning);
  }

  note(note: ImportError): void {
    if (this.keptNotes.length < this.limit) this.keptNotes.push(note);
  }

  get notes(): readonly ImportError[] {
    return this.keptNotes;
  }

  /** Total errors seen, including those not kept. */
  get count(): number {
    return this.errorTotal;
  }

  get warningCount(): number {
    return this.warningTotal;
  }

  get hasErrors(): boolean {
    return this.errorTotal > 0;
  }

  get errors(): readonly ImportError[] {
    return this.keptErrors;
  }

  get warnings(): readonly ImportError[] {
    return this.keptWarnings;
  }

  toJSON(): { errorCount: number; errors: ImportError[]; warningCount: number; warnings: ImportError[] } {
    return {
      errorCount: this.errorTotal,
      errors: [...this.keptErrors],
      warningCount: this.warningTotal,
      warnings: [...this.keptWarnings],
    };
  }
}

/** Thrown inside an importer for a problem that makes the rest of the file unreadable. */
export class FatalImportError extends Error {
  constructor(readonly detail: ImportError) {
    super(formatImportError(detail));
    this.name = "FatalImportError";
  }
}

export function formatImportError(error: ImportError): string {
  const where = [
    error.file,
    error.line !== undefined ? `line ${error.line}` : null,
    error.recordKey !== undefined ? `record ${error.recordKey}` : null,
    error.field !== undefined ? `field ${error.field}` : null,
  ].filter((part) => part !== null);
  return `${where.join(", ")}: ${error.reason}`;
}
