/** Small statistics helpers for the benchmarks: nearest-rank percentiles over a list of milliseconds. */
export function percentile(values, p) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export const median = (values) => percentile(values, 50);
export const min = (values) => Math.min(...values);
export const max = (values) => Math.max(...values);

/** Milliseconds since a `process.hrtime.bigint()` reading. */
export const msSince = (start) => Number(process.hrtime.bigint() - start) / 1e6;

/** `1234.5` → `1,234.5 ms`; `0.83` → `0.83 ms` (two significant decimals below 10 ms). */
export function formatMs(ms) {
  if (!Number.isFinite(ms)) return '—';
  const digits = ms < 10 ? 2 : ms < 100 ? 1 : 0;
  return `${ms.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ms`;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
