// `npm run bench` — Warta at 1,000, 10,000 and 100,000 articles, beside a naive single-file lowdb
// layout and a plain SQLite FTS5 table. Generates the synthetic archives (cached under --work),
// measures each layout and phase in a fresh child process (so peak memory does not mix), and
// writes a Markdown table and the raw JSON to --out (test/bench/results/latest.{md,json}).
//   tsx test/bench/bench.ts [--sizes 1000,10000,100000] [--out test/bench/results] [--work <dir>]
//                           [--skip naive,fts] [--render]
import { execFileSync, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { cpus, freemem, loadavg, platform, release, tmpdir, totalmem } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { RESULT_PREFIX, argValue } from './measure'
import { renderReport, type BenchRun, type SizeResult } from './benchReport'
import { BODY_VERSION, CATALOG_VERSION, STATE_VERSION } from '../../main/core/archive/records'
import { writeSyntheticArchive } from './syntheticArchive'

const here = dirname(fileURLToPath(import.meta.url))
/** Bump when the generator changes, so cached archives are regenerated. */
const GENERATOR_VERSION = 7

const sizes = argValue('sizes', '1000,10000,100000').split(',').map(Number)
const out = resolve(argValue('out', join(here, 'results')))
const work = resolve(argValue('work', join(tmpdir(), 'warta-bench')))
const skip = new Set(argValue('skip', '').split(',').filter(Boolean))

function child(script: string, args: string[], heapMb?: number): Promise<Record<string, unknown>> {
  return new Promise((resolveResult) => {
    const nodeArgs = [...(heapMb ? [`--max-old-space-size=${heapMb}`] : []), '--import', 'tsx', join(here, script), ...args]
    const started = Date.now()
    const p = spawn(process.execPath, nodeArgs, { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    p.on('close', (code) => {
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX))
      const seconds = ((Date.now() - started) / 1000).toFixed(0)
      if (line) {
        console.log(`  ${script} ${args.join(' ')} — ${seconds} s`)
        resolveResult(JSON.parse(line.slice(RESULT_PREFIX.length)) as Record<string, unknown>)
      } else {
        console.log(`  ${script} ${args.join(' ')} — failed (exit ${code})\n${stderr.slice(-2000)}`)
        resolveResult({ error: `exit ${code}: ${stderr.trim().split('\n').slice(-3).join(' ').slice(0, 300)}` })
      }
    })
  })
}

async function ensureArchive(n: number): Promise<string> {
  // The archive's file formats are part of the name: a new format means a new archive, not a migration on every open.
  const dir = join(work, `archive-${n}-g${GENERATOR_VERSION}-f${CATALOG_VERSION}.${STATE_VERSION}.${BODY_VERSION}`)
  const marker = join(dir, '.generated')
  if (existsSync(marker)) return dir
  await rm(dir, { recursive: true, force: true })
  console.log(`  generating ${n.toLocaleString('en')} articles in ${dir} …`)
  const started = Date.now()
  await writeSyntheticArchive(dir, n, { seed: 1 })
  await writeFile(marker, new Date().toISOString())
  console.log(`  generated in ${((Date.now() - started) / 1000).toFixed(0)} s`)
  return dir
}

const run: BenchRun = {
  date: new Date().toISOString(),
  machine: {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    freeMemoryGb: Math.round(freemem() / 1024 ** 3),
    platform: `${platform()} ${release()}`,
    node: process.version,
    loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
  },
  sizes: [],
}

// --render: only re-render latest.md from latest.json (after the report's layout changed).
if (process.argv.includes('--render')) {
  const saved = JSON.parse(await readFile(join(out, 'latest.json'), 'utf8')) as BenchRun
  await writeFile(join(out, 'latest.md'), renderReport(saved))
  console.log(`re-rendered ${join(out, 'latest.md')}`)
  process.exit(0)
}

await mkdir(work, { recursive: true })
// The app's own bundle, so the index is built by the worker script the app runs (textPass.ts),
// not by its source loaded through tsx, which weighs ~20 MB more.
console.log('building the app bundle (npm run build) …')
execFileSync('npm', ['run', '-s', 'build'], { cwd: resolve(here, '../..'), stdio: ['ignore', 'ignore', 'inherit'] })
const textPassWorker = resolve(here, '../../out/main/textPassWorker.js')
for (const n of sizes) {
  console.log(`N = ${n.toLocaleString('en')}`)
  const dir = await ensureArchive(n)
  const args = ['--dir', dir, '--n', String(n)]
  const wartaArgs = [...args, '--text-pass-worker', textPassWorker]
  const result: SizeResult = { n, loadAverage: loadavg()[0] ?? 0, warta: {}, naive: {}, fts: {} }
  result.warta.build = await child('wartaLayout.ts', [...wartaArgs, '--phase', 'build'])
  await child('wartaLayout.ts', [...wartaArgs, '--phase', 'close'])
  result.warta.use = await child('wartaLayout.ts', [...wartaArgs, '--phase', 'use'])
  if (!skip.has('fts')) {
    const ftsDir = join(work, `fts-${n}`)
    await mkdir(ftsDir, { recursive: true })
    result.fts.build = await child('plainFtsLayout.ts', [...args, '--fts', ftsDir, '--phase', 'build'])
    result.fts.use = await child('plainFtsLayout.ts', [...args, '--fts', ftsDir, '--phase', 'use'])
  }
  if (!skip.has('naive')) {
    const naiveDir = join(work, `naive-${n}`)
    await mkdir(naiveDir, { recursive: true })
    // Prepared afresh each run: the measurement writes into it.
    result.naive.prepare = await child('naiveLowdbLayout.ts', [...args, '--naive', naiveDir, '--phase', 'prepare'], 12_000)
    result.naive.use = await child('naiveLowdbLayout.ts', [...args, '--naive', naiveDir, '--phase', 'use'], 12_000)
  }
  run.sizes.push(result)
}

await mkdir(out, { recursive: true })
await writeFile(join(out, 'latest.json'), `${JSON.stringify(run, null, 2)}\n`)
const markdown = renderReport(run)
await writeFile(join(out, 'latest.md'), markdown)
console.log(`\n${markdown}`)
console.log(`written to ${join(out, 'latest.md')} and latest.json`)
