// Kills a writing process at random moments and checks that the archive survives every time:
// `npx tsx test/crash/killWriter.ts [--trials 200] [--max-delay-ms 120]` (npm run test:crash).
//
// Each trial starts test/crash/writer.ts on the same archive, lets it make acknowledged saves
// for a random while (or kills it while it is still opening), sends SIGKILL, then opens the
// archive here and checks: it opens without any repair, it holds either the state of the
// last acknowledged save or of the one in flight (never less, never more), and the texts of
// the newest articles read back. The next trial's writer then takes over the dead one's lock.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { openArchive } from '../../main/core/archive/archive'
import { sampleArticle } from '../core/archive/sampleArticles'
import { bundleScript, spawnTsx } from '../core/archive/childScripts'

export interface KillFigures {
  trials: number
  /** Kills that landed while the writer was still opening the archive. */
  killedWhileOpening: number
  /** Saves the writers acknowledged, over all trials. */
  acknowledgedSaves: number
  /** Kills after which the save in flight had reached the disk anyway (the "new" state). */
  inFlightSaveLanded: number
  /** Kills after which the disk held exactly the last acknowledged state (the "old" state). */
  lastAcknowledgedState: number
  /** Trials that reopened cleanly with every check met. */
  survived: number
  violations: string[]
}

export interface KillOptions {
  trials: number
  /** The longest a writer runs before it is killed. */
  maxDelayMs?: number
  /** Share of kills sent while the writer is still opening the archive (lock takeover, loading, backups). */
  killWhileOpeningShare?: number
  log?: (line: string) => void
}

const WRITER = 'test/crash/writer.ts'
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

export async function runKillTrials(options: KillOptions): Promise<KillFigures> {
  const { trials, maxDelayMs = 120, killWhileOpeningShare = 0.1, log = () => {} } = options
  const dir = await mkdtemp(join(tmpdir(), 'warta-crash-'))
  const bundled = await bundleScript(WRITER)
  const figures: KillFigures = {
    trials,
    killedWhileOpening: 0,
    acknowledgedSaves: 0,
    inFlightSaveLanded: 0,
    lastAcknowledgedState: 0,
    survived: 0,
    violations: [],
  }
  try {
    // A seeded archive, so every trial starts from a catalogue that exists.
    const seed = await openArchive(dir)
    await seed.addArticles([sampleArticle(0)])
    await seed.close()
    let known = { size: 1, bookmarks: 0, notes: 0, rename: null as { id: string; title: string } | null }

    for (let trial = 1; trial <= trials; trial++) {
      const writer = spawnTsx(WRITER, [dir], { bundled })
      const whileOpening = Math.random() < killWhileOpeningShare
      if (whileOpening) {
        await writer.waitFor(/^opening/)
        await sleep(Math.random() * 20)
      } else {
        await writer.waitFor(/^ready/)
        await sleep(Math.random() * maxDelayMs)
      }
      writer.process.kill('SIGKILL')
      const how = await writer.exited
      if (!writer.lines.some((l) => l.startsWith('ready'))) figures.killedWhileOpening++
      if (how !== 'SIGKILL') {
        figures.violations.push(`trial ${trial}: the writer ended by itself (${how}): ${writer.stderr().slice(0, 500)}`)
        continue
      }

      // What the writer acknowledged before it died.
      const acked = { ...known }
      for (const line of writer.lines) {
        const [, what, ...rest] = line.split(' ')
        if (what === 'import') acked.size = Number(rest[0])
        else if (what === 'bookmark') acked.bookmarks = Number(rest[0])
        else if (what === 'note') acked.notes = Number(rest[0])
        else if (what === 'rename') acked.rename = { id: rest[0] as string, title: rest.slice(1).join(' ') }
        if (line.startsWith('acked')) figures.acknowledgedSaves++
      }

      const problems: string[] = []
      let archive
      try {
        archive = await openArchive(dir)
      } catch (e) {
        figures.violations.push(`trial ${trial}: the archive did not open: ${(e as Error).message}`)
        break
      }
      try {
        if (archive.recoveryEvents.length > 0) problems.push(`needed repairs: ${JSON.stringify(archive.recoveryEvents)}`)
        const sizeOk = archive.size === acked.size || archive.size === acked.size + 1
        const bookmarksOk = archive.bookmarkedCount === acked.bookmarks || archive.bookmarkedCount === acked.bookmarks + 1
        if (!sizeOk) problems.push(`${archive.size} articles on disk, ${acked.size} acknowledged`)
        if (!bookmarksOk) problems.push(`${archive.bookmarkedCount} bookmarks on disk, ${acked.bookmarks} acknowledged`)
        const notes = archive.annotations.length
        if (notes !== acked.notes && notes !== acked.notes + 1) problems.push(`${notes} highlights on disk, ${acked.notes} acknowledged`)
        if (acked.rename && archive.has(acked.rename.id) && archive.summary(acked.rename.id).title !== acked.rename.title) {
          problems.push(`acknowledged rename to "${acked.rename.title}" lost`)
        }
        if (acked.rename && !archive.has(acked.rename.id)) problems.push(`renamed article ${acked.rename.id} lost`)
        const newest = [...archive.list({ filter: 'all', offset: 0, limit: archive.size }).items].sort((a, b) => (a.savedAt < b.savedAt ? 1 : -1)).slice(0, 5)
        for (const a of newest) await archive.getArticle(a.id)
        if (archive.size === acked.size && archive.bookmarkedCount === acked.bookmarks) figures.lastAcknowledgedState++
        else figures.inFlightSaveLanded++
        known = { size: archive.size, bookmarks: archive.bookmarkedCount, notes: archive.annotations.length, rename: acked.rename }
      } catch (e) {
        problems.push(`reading failed: ${(e as Error).message}`)
      } finally {
        await archive.close()
      }
      if (problems.length > 0) figures.violations.push(`trial ${trial}: ${problems.join('; ')}`)
      else figures.survived++
      if (trial % 10 === 0 || problems.length > 0) {
        log(`trial ${trial}/${trials}: ${archive.size} articles, ${figures.acknowledgedSaves} saves acknowledged so far${problems.length ? ` — ${problems.join('; ')}` : ''}`)
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
    await rm(dirname(bundled), { recursive: true, force: true })
  }
  return figures
}

export const describeFigures = (f: KillFigures): string =>
  `${f.survived}/${f.trials} kills survived (${f.killedWhileOpening} while opening); ` +
  `${f.acknowledgedSaves} acknowledged saves, ${f.violations.length === 0 ? 'none' : 'some'} lost; after a kill the disk held the last acknowledged state ${f.lastAcknowledgedState} times ` +
  `and the in-flight save ${f.inFlightSaveLanded} times`

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { trials: { type: 'string', default: '200' }, 'max-delay-ms': { type: 'string', default: '120' } } })
  const figures = await runKillTrials({ trials: Number(values.trials), maxDelayMs: Number(values['max-delay-ms']), log: console.log })
  console.log(describeFigures(figures))
  for (const v of figures.violations) console.error(`VIOLATION ${v}`)
  process.exitCode = figures.violations.length > 0 ? 1 : 0
}
