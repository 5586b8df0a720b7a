// Timing and reporting helpers shared by the benchmark's child processes.
import { statSync } from 'node:fs'

export interface Timing {
  p50: number
  p95: number
  max: number
  runs: number
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number
}

export function summarise(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b)
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] ?? Number.NaN, runs: samples.length }
}

export async function timed<T>(run: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now()
  const value = await run()
  return { ms: performance.now() - start, value }
}

/** Runs `run` `times` times (after `warmup` unmeasured runs) and summarises the durations. */
export async function repeat(times: number, run: (i: number) => unknown, warmup = 2): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await run(-1 - i)
  const samples: number[] = []
  for (let i = 0; i < times; i++) {
    const start = performance.now()
    await run(i)
    samples.push(performance.now() - start)
  }
  return summarise(samples)
}

/** Peak resident set size of this process so far, in MB. */
export const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024

export function fileSizeMb(...paths: string[]): number {
  let bytes = 0
  for (const p of paths) {
    try {
      bytes += statSync(p).size
    } catch {
      // a -wal file that is not there
    }
  }
  return bytes / 1024 / 1024
}

/** Children print one line with this prefix; the parent collects it. */
export const RESULT_PREFIX = 'BENCH_RESULT '

export function emit(result: unknown): void {
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`)
}

export function argValue(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`)
  const value = i >= 0 ? process.argv[i + 1] : fallback
  if (value === undefined) throw new Error(`--${name} is required`)
  return value
}
