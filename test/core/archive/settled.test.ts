// Archive.settled() is what a script awaits before it times saves (the benchmark does). It has
// to resolve in a plain Node process too, where no window or server keeps the event loop alive.
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { openArchive } from '../../../main/core/archive/archive'
import { tempDir } from '../../helpers/tempArchive'
import { spawnTsx } from './childScripts'
import { sampleArticle } from './sampleArticles'

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => {
  const t = await tempDir()
  cleanup = t.cleanup
  dir = join(t.dir, 'archive')
})
afterEach(() => cleanup())

it('resolves in a process with nothing else to wait for: the lookups are warmed at once, not after their delay', async () => {
  const first = await openArchive(dir, { log: () => {} })
  await first.addArticles([1, 2, 3].map((n) => sampleArticle(n)))
  await first.close()

  const child = spawnTsx('test/core/archive/settleArchive.ts', [dir])
  expect(await child.exited, child.stderr()).toBe(0)
  expect(child.lines).toEqual(['settled'])
})
