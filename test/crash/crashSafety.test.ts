// The crash scripts, smaller, so every test run proves them. The full runs (200 kills,
// 20 saves of each kind under strace) are `npm run test:crash`.
import { describe, expect, it } from 'vitest'
import { countByPhase, countFsyncs, describeFsyncs, MIN_FSYNCS, straceProblem } from './countFsyncs'
import { describeFigures, runKillTrials } from './killWriter'

describe('crash safety', () => {
  it('keeps every acknowledged save through 30 kills at random moments', { timeout: 600_000 }, async () => {
    const figures = await runKillTrials({ trials: 30 })
    console.log(describeFigures(figures))
    expect(figures.violations).toEqual([])
    expect(figures.survived).toBe(30)
    // The kills landed among real saves, not only before the first one.
    expect(figures.acknowledgedSaves).toBeGreaterThan(30)
  })

  it('syncs every save to disk: two fsyncs per file written, one per journal line', { timeout: 300_000 }, async (ctx) => {
    const problem = straceProblem()
    if (problem) {
      console.warn(`skipped: ${problem}`)
      ctx.skip()
      return
    }
    const figures = await countFsyncs(5)
    console.log(describeFsyncs(figures))
    expect(figures.perSave.bookmark).toBeGreaterThanOrEqual(MIN_FSYNCS.bookmark)
    expect(figures.perSave.rename).toBeGreaterThanOrEqual(MIN_FSYNCS.rename)
    expect(figures.perSave.import).toBeGreaterThanOrEqual(MIN_FSYNCS.import)
    expect(figures.perSave.note).toBeGreaterThanOrEqual(MIN_FSYNCS.note)
  })

  it('counts an fsync that strace shows split over two lines once', () => {
    const trace = [
      '101 write(1, "MARK bookmark-begin\\n", 20) = 20',
      '103 fsync(21 <unfinished ...>',
      '101 write(1, "noise", 5) = 5',
      '103 <... fsync resumed>) = 0',
      '104 fdatasync(22) = 0',
      '101 write(1, "MARK bookmark-end\\n", 18) = 18',
      '104 fsync(23) = 0',
    ].join('\n')
    expect(countByPhase(trace)).toEqual({ bookmark: 2, rename: 0, import: 0, note: 0 })
  })
})
