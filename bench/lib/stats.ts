/** Small statistics for benchmark samples (milliseconds unless said otherwise). */

export function quantile(samples: number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  // Nearest-rank on the sorted samples: p95 of 20 samples is the 19th.
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (samples: number[]): number => {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export const p95 = (samples: number[]): number => quantile(samples, 0.95);

export interface Distribution {
  n: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
}

export function distribution(samples: number[]): Distribution {
  return {
    n: samples.length,
    p50: round(median(samples)),
    p95: round(p95(samples)),
    min: round(Math.min(...samples)),
    max: round(Math.max(...samples)),
  };
}

/** Rounds to 3 significant decimals for the report (ms figures below 1 keep 3 decimals). */
export function round(value: number, digits = 3): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}
