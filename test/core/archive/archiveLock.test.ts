import { readFile, stat, utimes, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ArticleSummary } from '../../../preload/contract'
import { openArchive, type Archive } from '../../../main/core/archive/archive'
import { LOCK_FILE } from '../../../main/core/archive/archiveLock'
import { tempDir } from '../../helpers/tempArchive'
import { sampleArticle } from './sampleArticles'
import { spawnTsx, type TsxChild } from './childScripts'

const HOLDER = 'test/core/archive/holdArchive.ts'

let dir: string
let cleanup: () => Promise<void>
const open: Archive[] = []
const children: TsxChild[] = []

beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir())
})
afterEach(async () => {
  for (const c of children.splice(0)) if (c.process.exitCode === null) c.process.kill('SIGKILL')
  await Promise.all(open.splice(0).map((a) => a.close()))
  await cleanup()
})

const track = async (p: Promise<Archive>): Promise<Archive> => {
  const archive = await p
  open.push(archive)
  return archive
}
const hold = (holdMs = 60_000): TsxChild => {
  const child = spawnTsx(HOLDER, [dir, String(holdMs)])
  children.push(child)
  return child
}
const exists = (path: string) => stat(path).then(() => true, () => false)

describe('one writer per archive', () => {
  it('refuses a second open in the same process as in use by another window or command', async () => {
    await track(openArchive(dir))
    await expect(openArchive(dir)).rejects.toMatchObject({
      code: 'ARCHIVE_LOCKED',
      message: expect.stringContaining('in use by another Warta window or command'),
      params: { pid: process.pid },
    })
  })

  it('lets exactly one of two opens racing in one process win', async () => {
    for (let round = 0; round < 10; round++) {
      const results = await Promise.allSettled([openArchive(dir), openArchive(dir)])
      const won = results.filter((r) => r.status === 'fulfilled')
      expect(won).toHaveLength(1)
      expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'ARCHIVE_LOCKED' } })
      await (won[0] as PromiseFulfilledResult<Archive>).value.close()
    }
  })

  it('lets the next window open the archive once the first has closed', async () => {
    const first = await openArchive(dir)
    await first.addArticles([sampleArticle(1)])
    await first.close()
    expect(await exists(join(dir, LOCK_FILE))).toBe(false)
    const second = await track(openArchive(dir))
    expect(second.size).toBe(1)
  })

  it('lets a read-only tool look while the archive is open, without letting it write', async () => {
    const writer = await track(openArchive(dir))
    await writer.addArticles([sampleArticle(1)])
    const reader = await openArchive(dir, { readOnly: true })
    expect(reader.size).toBe(1)
    await expect(reader.addArticles([sampleArticle(2)])).rejects.toMatchObject({ code: 'INTERNAL' })
    await reader.close()
    // The reader never held the lock, so closing it leaves the writer's in place.
    await expect(openArchive(dir)).rejects.toMatchObject({ code: 'ARCHIVE_LOCKED' })
  })

  it('refuses an archive another process has open, naming that process', async () => {
    const other = hold()
    await other.waitFor(/^opened$/)
    await expect(openArchive(dir)).rejects.toMatchObject({ code: 'ARCHIVE_LOCKED', params: { pid: other.process.pid } })
  })

  it('takes over at once from a process that crashed while holding the archive', async () => {
    const other = hold()
    await other.waitFor(/^opened$/)
    other.process.kill('SIGKILL')
    await other.exited
    expect(await exists(join(dir, LOCK_FILE))).toBe(true)
    const started = Date.now()
    await track(openArchive(dir))
    expect(Date.now() - started).toBeLessThan(1000)
  })

  it('leaves the archive to a process that opens it after this one closed', async () => {
    const mine = await openArchive(dir)
    await mine.close()
    const other = hold(0)
    await other.waitFor(/^opened$/)
    expect(await other.exited).toBe(0)
    expect(other.lines).toEqual(['opened', 'closed'])
  })

  it('lets only one of two processes started together have the archive', async () => {
    for (let round = 0; round < 2; round++) {
      // Both hold for long, so however their start-up times differ, their opens overlap.
      const pair = [hold(), hold()]
      const results = await Promise.all(pair.map((c) => c.waitFor(/^(opened|locked)/, 60_000)))
      expect(results.filter((r) => r === 'opened')).toHaveLength(1)
      expect(results.filter((r) => r.startsWith('locked'))).toHaveLength(1)
      for (const c of pair) c.process.kill('SIGKILL')
      await Promise.all(pair.map((c) => c.exited))
    }
  })

  it('takes over a lock left by an earlier process that had the same pid', async () => {
    // Containers reuse pids: a lock naming us that we did not take is a dead process's.
    const lock = { pid: process.pid, host: hostname(), token: 'f00dfeedf00dfeed', since: '2024-01-01T00:00:00.000Z' }
    await writeFile(join(dir, LOCK_FILE), JSON.stringify(lock))
    await track(openArchive(dir))
  })

  it('takes over a lock from another computer only once its holder stopped refreshing it', async () => {
    const lock = { pid: 1, host: 'another-computer', token: 'f00dfeedf00dfeed', since: '2024-01-01T00:00:00.000Z' }
    await writeFile(join(dir, LOCK_FILE), JSON.stringify(lock))
    await expect(openArchive(dir, { lock: { staleMs: 60_000 } })).rejects.toMatchObject({ code: 'ARCHIVE_LOCKED' })
    const twoMinutesAgo = new Date(Date.now() - 120_000)
    await utimes(join(dir, LOCK_FILE), twoMinutesAgo, twoMinutesAgo)
    await track(openArchive(dir, { lock: { staleMs: 60_000 } }))
  })

  it('stops writing once another process has taken its lock over', async () => {
    const archive = await track(openArchive(dir, { lock: { heartbeatMs: 20 } }))
    const article = (await archive.addArticles([sampleArticle(1)]))[0]?.article as ArticleSummary
    const before = await readFile(join(dir, 'state.json'), 'utf8').catch(() => null)
    // What a process that judged this one frozen would leave: its own lock.
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: 1, host: 'elsewhere', token: '0123456789abcdef', since: '' }))
    await new Promise((resolve) => setTimeout(resolve, 100))
    await expect(archive.setBookmark(article.id, true)).rejects.toMatchObject({ code: 'ARCHIVE_LOCKED' })
    expect(archive.summary(article.id).bookmarked).toBe(false)
    expect(await readFile(join(dir, 'state.json'), 'utf8').catch(() => null)).toBe(before)
    await archive.close()
    // Closing must not remove a lock that is no longer ours.
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ token: '0123456789abcdef' })
  })
})
