// Counts the fsyncs each kind of save makes, with strace watching a real writer:
// `npx tsx test/crash/countFsyncs.ts [--saves 20]` (part of npm run test:crash).
//
// A save is durable only if what it wrote reaches the disk: a new file and the directory entry
// that points at it take two fsyncs; an entry appended to a journal that already exists takes
// one (fdatasync, which also flushes the file's new length). So a bookmark — one journal line —
// takes at least one, and so does a highlight; a rename or an import writes a body (two) and a
// catalogue journal line (one), so at least three; an import into a new body directory adds one
// for that directory.
import { execFileSync } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { bundleScript, spawnTsx } from '../core/archive/childScripts'

export const PHASES = ['bookmark', 'rename', 'import', 'note'] as const
export type Phase = (typeof PHASES)[number]

/** The fewest fsyncs a durable save of each kind needs (see the top of this file). */
export const MIN_FSYNCS: Record<Phase, number> = { bookmark: 1, rename: 3, import: 3, note: 1 }

export interface FsyncFigures {
  saves: number
  /** fsync + fdatasync calls per save, by kind of save. */
  perSave: Record<Phase, number>
}

/** Why strace cannot be used here, or null when it can. */
export function straceProblem(): string | null {
  try {
    execFileSync('strace', ['-f', '-e', 'trace=none', '-o', '/dev/null', 'true'], { stdio: 'pipe' })
    return null
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: Buffer }
    if (err.code === 'ENOENT') return 'strace is not installed'
    return `strace cannot trace here: ${err.stderr?.toString().trim() || err.message}`
  }
}

/** Counts fsync-family calls between the writer's "MARK <phase>-begin" and "-end" lines in an strace log. */
export function countByPhase(trace: string): Record<Phase, number> {
  const counts = Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<Phase, number>
  let current: Phase | null = null
  for (const line of trace.split('\n')) {
    const mark = /write\(1, "MARK (\w+)-(begin|end)/.exec(line)
    if (mark) {
      current = mark[2] === 'begin' ? (mark[1] as Phase) : null
      continue
    }
    // "fsync(21 <unfinished ...>" counts once; its "<... fsync resumed>" line does not.
    if (current && /\bf(?:data)?sync\(/.test(line)) counts[current]++
  }
  return counts
}

export async function countFsyncs(saves: number): Promise<FsyncFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'warta-fsync-'))
  const bundled = await bundleScript('test/crash/writer.ts')
  const log = join(dir, 'strace.log')
  try {
    const writer = spawnTsx('test/crash/writer.ts', [join(dir, 'archive'), '--saves', String(saves)], {
      bundled,
      wrapper: ['strace', '-f', '-qq', '-e', 'trace=fsync,fdatasync,write', '-o', log],
    })
    const exit = await writer.exited
    if (exit !== 0) throw new Error(`the traced writer failed (${exit}): ${writer.stderr().slice(0, 1000)}`)
    const counts = countByPhase(await readFile(log, 'utf8'))
    const perSave = Object.fromEntries(PHASES.map((p) => [p, counts[p] / saves])) as Record<Phase, number>
    return { saves, perSave }
  } finally {
    await rm(dir, { recursive: true, force: true })
    await rm(dirname(bundled), { recursive: true, force: true })
  }
}

export const describeFsyncs = (f: FsyncFigures): string =>
  `fsyncs per save over ${f.saves} saves each: ${PHASES.map((p) => `${p} ${f.perSave[p].toFixed(2)}`).join(', ')}`

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { saves: { type: 'string', default: '20' } } })
  const problem = straceProblem()
  if (problem) {
    console.log(`not counted: ${problem}`)
  } else {
    const figures = await countFsyncs(Number(values.saves))
    console.log(describeFsyncs(figures))
    const tooFew = PHASES.some((p) => figures.perSave[p] < MIN_FSYNCS[p])
    if (tooFew) console.error('FEWER fsyncs than a durable save needs')
    process.exitCode = tooFew ? 1 : 0
  }
}
