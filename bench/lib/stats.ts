export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export function summary(values: readonly number[]): { p50: number; p95: number; p99: number; n: number } {
  return { p50: percentile(values, 50), p95: percentile(values, 95), p99: percentile(values, 99), n: values.length };
}

export function ms(value: number): string {
  return `${value.toFixed(2)} ms`;
}

export function verdict(ok: boolean): string {
  return ok ? "PASS" : "MISS";
}
