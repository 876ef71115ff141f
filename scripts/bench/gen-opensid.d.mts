/** Types of gen-opensid.mjs (used by tests that need a large valid OpenSID workbook). */
export function generate(rows: number, out: string): Promise<{ rows: number; families: number }>;
