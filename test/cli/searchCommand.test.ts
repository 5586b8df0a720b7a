// `warta search`: the app's query language and results from a terminal, beside a running app or not.
import { spawnSync } from 'node:child_process'
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../main/cli/runCli'
import { openArchive } from '../../main/core/archive/archive'
import { createHandlers } from '../../main/core/handlers'
import { startSearchIndex } from '../../main/core/search/searchHost'
import { INDEX_DIR, INDEX_FILE } from '../../main/core/search/searchIndex'
import { writeSyntheticArchive } from '../bench/syntheticArchive'
import { repoRoot, samplesDir, tempDir } from '../helpers/tempArchive'

let dir: string
let cleanup: () => Promise<void>
const lines = { out: [] as string[], err: [] as string[] }
const io = { out: (l: string) => lines.out.push(l), err: (l: string) => lines.err.push(l) }
const archiveDir = () => join(dir, 'archive')
const clear = () => {
  lines.out = []
  lines.err = []
}

beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir())
  clear()
  process.env.LANG = 'en_US.UTF-8'
  const samples = (await readdir(samplesDir)).filter((n) => n.endsWith('.txt')).map((n) => join(samplesDir, n))
  expect(await runCli(['import', ...samples, '--archive', archiveDir()], io)).toBe(0)
  clear()
})
afterEach(() => cleanup())

/** The searchArticles handler's answer over the same archive, as the app would give it. */
async function handlerResult(input: { query: string; sort?: 'newest' | 'oldest' | 'relevance' }, at = archiveDir()) {
  const archive = await openArchive(at)
  const index = startSearchIndex(archive, { syncDelayMs: 60_000, log: () => {} })
  try {
    await index?.sync(archive)
    const handlers = createHandlers({ archive, systemLocale: 'en', samplesDir, ...(index ? { searchIndex: index } : {}) })
    return await handlers.searchArticles({ query: input.query, sort: input.sort ?? 'newest', offset: 0, limit: 20 })
  } finally {
    index?.close()
    await archive.close()
  }
}

describe('warta search', () => {
  it('builds the missing index, then prints the same results as the app, in JSON and in text', async () => {
    expect(await runCli(['search', 'kota', 'lang:id', '--archive', archiveDir(), '--json'], io)).toBe(0)
    const printed = JSON.parse(lines.out.join('\n'))
    // Building the index said so on stderr, not in the JSON.
    expect(lines.err.at(-1)).toMatch(/^Building the search index: 6 of 6 articles$/)
    expect(printed).toEqual(await handlerResult({ query: 'kota lang:id' }))
    expect(printed.total).toBeGreaterThan(1)

    clear()
    expect(await runCli(['search', 'kota', 'lang:id', '--sort', 'relevance', '--archive', archiveDir(), '--json'], io)).toBe(0)
    expect(JSON.parse(lines.out.join('\n'))).toEqual(await handlerResult({ query: 'kota lang:id', sort: 'relevance' }))

    clear()
    expect(await runCli(['search', 'batik', '--archive', archiveDir()], io)).toBe(0)
    expect(lines.out[0]).toMatch(/^[a-z0-9]{16} {2}\d{4}-\d\d-\d\d {2}\[id\] {2}Festival Batik Pekalongan/)
    expect(lines.out[1]).toMatch(/^ {4}.*batik/i)
    expect(lines.out.at(-1)).toBe('1 result')
    // Nothing to rebuild the second time.
    expect(lines.err).toEqual([])
  })

  it('beside a running app, queries the app’s index without writing to it or to the archive', async () => {
    const app = await openArchive(archiveDir())
    const index = startSearchIndex(app, { syncDelayMs: 60_000, log: () => {} })
    await index?.sync(app)
    try {
      const indexPath = join(archiveDir(), INDEX_DIR, INDEX_FILE)
      const before = await stat(indexPath)
      const catalogueBefore = await stat(join(archiveDir(), 'catalog.json'))
      expect(await runCli(['search', 'padi', '--archive', archiveDir(), '--json'], io)).toBe(0)
      expect(JSON.parse(lines.out.join('\n')).items.map((i: { article: { title: string } }) => i.article.title)).toEqual([
        'Petani Grobogan mulai panen raya padi di lahan tadah hujan',
      ])
      expect((await stat(indexPath)).mtimeMs).toBe(before.mtimeMs)
      expect((await stat(join(archiveDir(), 'catalog.json'))).mtimeMs).toBe(catalogueBefore.mtimeMs)
    } finally {
      index?.close()
      await app.close()
    }
  })

  it('says so when the running app has not built an index yet', async () => {
    const app = await openArchive(archiveDir())
    try {
      expect(await runCli(['search', 'padi', '--archive', archiveDir()], io)).toBe(1)
      expect(lines.err).toEqual(['The search index is not ready yet. Warta is open and builds it; try again in a moment.'])
    } finally {
      await app.close()
    }
  })

  // 2,000 articles or more are indexed by a worker thread; the process must wait for it, not end
  // with the build half done (it once exited with code 13 and printed nothing).
  it('as a process, builds a large archive’s index in its worker and prints the results', { timeout: 180_000 }, async () => {
    const large = join(dir, 'large')
    await writeSyntheticArchive(large, 2000, { seed: 11 })
    const result = spawnSync('npm', ['run', '-s', 'warta', '--', 'search', 'senjata', '--archive', large, '--json'], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, LANG: 'en_US.UTF-8' },
    })
    expect(result.status).toBe(0)
    expect(result.stderr.trim().split('\n').at(-1)).toBe('Building the search index: 2,000 of 2,000 articles')
    const printed = JSON.parse(result.stdout)
    expect(printed.total).toBeGreaterThan(20)
    expect(printed).toEqual(await handlerResult({ query: 'senjata' }, large))
  })

  it('explains a query it cannot understand, in the archive’s language', async () => {
    expect(await runCli(['search', 'before:2024-13', '--archive', archiveDir()], io)).toBe(1)
    expect(lines.err).toEqual(['“before:2024-13” is not a date Warta understands. Write dates as 2024-10-01, 2024-10 or 2024.'])
    clear()
    expect(await runCli(['search', '--archive', archiveDir()], io)).toBe(2)
    expect(await runCli(['search', 'x', '--sort', 'random', '--archive', archiveDir()], io)).toBe(2)
  })
})
