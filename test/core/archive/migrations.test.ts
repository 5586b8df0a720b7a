import { cp, readdir, readFile, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { bodyPath, openArchive, type Archive } from '../../../main/core/archive/archive'
import { realFs } from '../../../main/core/archive/atomicJsonFile'
import { listBackups } from '../../../main/core/archive/backups'
import { fileKinds, step, upgrade, type FileKind } from '../../../main/core/archive/migrations'
import { CatalogFile } from '../../../main/core/archive/records'
import { loadArchiveFiles } from '../../../main/core/archive/recovery'
import { archivesPerTest, fixturesDir } from '../../helpers/tempArchive'
import { filesUnder } from '../../helpers/archiveFiles'

const fixtures = join(fixturesDir, 'archive')
const fixtureNames = (await readdir(fixtures, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort()

const archives = archivesPerTest()
const { open, closeAll } = archives
let dir: string
beforeEach(() => {
  dir = archives.dir
})

/** Every file's bytes, so a test can say "nothing was written". */
async function snapshot(): Promise<Record<string, string>> {
  const files = await filesUnder(dir)
  return Object.fromEntries(await Promise.all(files.map(async (f) => [f, (await readFile(join(dir, f))).toString('base64')] as const)))
}

async function shownBy(archive: Archive): Promise<unknown> {
  const summaries = archive.list({ filter: 'all', offset: 0, limit: 100 }).items
  return { language: archive.language, articles: await Promise.all(summaries.map((s) => archive.getArticle(s.id))), annotations: archive.annotations }
}

const versionOf = async (file: string): Promise<number> => (JSON.parse(await readFile(join(dir, file), 'utf8')) as { version: number }).version

describe('archives written by earlier releases', () => {
  it('has a fixture of every format', () => {
    expect(fixtureNames.length).toBeGreaterThanOrEqual(2)
  })

  it.each(fixtureNames)('opens fixture %s with every article, title, bookmark, read mark and setting', async (name) => {
    await cp(join(fixtures, name, 'archive'), dir, { recursive: true })
    const expected = JSON.parse(await readFile(join(fixtures, name, 'expected.json'), 'utf8'))
    const versions = { catalog: await versionOf('catalog.json'), state: await versionOf('state.json') }
    const before = await snapshot()

    // Read-only: migrated in memory, nothing written.
    const reader = await open({ readOnly: true })
    expect(await shownBy(reader)).toEqual(expected)
    await closeAll()
    expect(await snapshot()).toEqual(before)

    const archive = await open()
    expect(archive.recoveryEvents).toEqual([])
    expect(await shownBy(archive)).toEqual(expected)
    await closeAll()
    for (const [label, file] of [['catalog', 'catalog.json'], ['state', 'state.json']] as const) {
      const kind = fileKinds.find((k) => k.label === label) as FileKind<unknown>
      expect(await versionOf(file)).toBe(kind.version)
      const kept = (await listBackups(dir, file)).filter((b) => b.kind === 'pre-migration')
      if (versions[label] < kind.version) {
        // Migrated on open, with the original kept first.
        expect(kept).toHaveLength(1)
        expect((await readFile(kept[0]?.path as string)).toString('base64')).toBe(before[file])
      } else {
        expect(kept).toEqual([])
        // A file at the current format is rewritten only to fold in what its journal held (v4 has entries).
        if (before[`${file}-journal`]) expect(await readFile(join(dir, `${file}-journal`))).toHaveLength(0)
        else expect((await readFile(join(dir, file))).toString('base64')).toBe(before[file])
      }
    }
    // Bodies migrate as they are read, and are never rewritten just for that.
    for (const f of Object.keys(before).filter((f) => f.startsWith('articles/'))) {
      expect((await readFile(join(dir, f))).toString('base64')).toBe(before[f])
    }
    expect(await shownBy(await open())).toEqual(expected)
  })

  it('rebuilds a lost first-format catalogue from bodies that never held titles, guessing them from the text', async () => {
    await cp(join(fixtures, 'v1', 'archive'), dir, { recursive: true })
    await unlink(join(dir, 'catalog.json'))
    const archive = await open()
    expect(archive.recoveryEvents).toMatchObject([{ action: 'rebuilt', articlesFromBodies: 3 }])
    const byId = new Map(archive.list({ filter: 'all', offset: 0, limit: 10 }).items.map((a) => [a.id, a]))
    expect(byId.get('ec48b5f82509482f')).toMatchObject({
      language: 'id',
      title: 'Pemerintah Kota Bandung meresmikan taman baca baru di tepi Sungai Cikapundung pada Sabtu pagi.',
      bookmarked: true,
    })
    expect(byId.get('1d0016ef06d432c5')).toMatchObject({ language: 'en', title: expect.stringMatching(/^A new ferry route/) })
    expect(byId.get('705ed097769824be')).toMatchObject({ language: 'id', read: true })
  })

  it('migrates a catalogue or state file forward on open, keeping the original first', async () => {
    await cp(join(fixtures, 'v1', 'archive'), dir, { recursive: true })
    const original = await readFile(join(dir, 'catalog.json'))
    // A release whose catalogue is at version 2.
    const next: FileKind<CatalogFile> = {
      label: 'catalog',
      version: 2,
      schema: CatalogFile.extend({ version: z.literal(2), shelves: z.array(z.string()) }) as unknown as z.ZodType<CatalogFile>,
      migrations: [step({ from: 1, input: CatalogFile.extend({ version: z.literal(1) }), up: (v1) => ({ ...v1, version: 2, shelves: [] }) })],
    }
    const at = new Date('2024-06-01T10:00:00.000Z')

    const refusing = { ...realFs, writeTemp: async () => Promise.reject(Object.assign(new Error('full'), { code: 'ENOSPC' })) }
    await expect(loadArchiveFiles(dir, { now: at, readOnly: false, fs: refusing, kinds: { catalog: next } })).rejects.toMatchObject({ code: 'WRITE_FAILED' })
    // The copy was taken before the write was tried; the original is untouched.
    expect(await readFile(join(dir, 'catalog.json'))).toEqual(original)

    const loaded = await loadArchiveFiles(dir, { now: at, readOnly: false, fs: realFs, kinds: { catalog: next } })
    expect(loaded.catalog.articles).toHaveLength(3)
    expect(JSON.parse(await readFile(join(dir, 'catalog.json'), 'utf8'))).toMatchObject({ version: 2, shelves: [] })
    const [kept] = await listBackups(dir, 'catalog.json')
    expect(kept).toMatchObject({ kind: 'pre-migration', name: 'catalog.json.v1.2024-06-01T100000.000Z' })
    expect(await readFile(kept?.path as string)).toEqual(original)
  })
})

describe('archives written by a newer release', () => {
  it.each(['catalog.json', 'state.json'])('refuses to open when %s is from a newer format, and writes nothing', async (file) => {
    await cp(join(fixtures, 'v2', 'archive'), dir, { recursive: true })
    const json = JSON.parse(await readFile(join(dir, file), 'utf8'))
    await writeFile(join(dir, file), JSON.stringify({ ...json, version: 99, somethingNew: true }))
    // Even with another file damaged, nothing is repaired before the refusal.
    const other = file === 'catalog.json' ? 'state.json' : 'catalog.json'
    await writeFile(join(dir, other), '{"version":')
    const before = await snapshot()
    await expect(openArchive(dir)).rejects.toMatchObject({ code: 'ARCHIVE_TOO_NEW', params: { file, found: 99 } })
    await expect(openArchive(dir, { readOnly: true })).rejects.toMatchObject({ code: 'ARCHIVE_TOO_NEW' })
    expect(await snapshot()).toEqual(before)
  })

  it('refuses only the article whose body is from a newer format, leaving its file alone', async () => {
    await cp(join(fixtures, 'v2', 'archive'), dir, { recursive: true })
    const path = bodyPath(dir, '705ed097769824be')
    const newer = JSON.stringify({ ...JSON.parse(await readFile(path, 'utf8')), version: 99 })
    await writeFile(path, newer)
    const archive = await open()
    await expect(archive.getArticle('705ed097769824be')).rejects.toMatchObject({ code: 'ARCHIVE_TOO_NEW' })
    expect(await readFile(path, 'utf8')).toBe(newer)
    expect(archive.recoveryEvents).toEqual([])
    expect((await archive.getArticle('ec48b5f82509482f')).title).toBe('Taman baca baru dibuka di tepi Sungai Cikapundung')
  })
})

describe('the migration lists', () => {
  it.each(fileKinds.map((k) => [k.label, k] as const))('lead %s files from version 1 to the current one, one step at a time', (_, kind) => {
    expect(kind.migrations.map((m) => m.from)).toEqual(Array.from({ length: kind.version - 1 }, (_, i) => i + 1))
  })

  it('treats a file without a version, or not matching its old shape, as damaged', () => {
    const [body] = fileKinds.filter((k) => k.label === 'body')
    expect(() => upgrade(body as FileKind<unknown, { record?: undefined }>, { id: 'x' }, 'b.json', 'b.json', {})).toThrow(/no format version/)
    expect(() => upgrade(body as FileKind<unknown, { record?: undefined }>, { version: 1, id: 'x', versions: [] }, 'b.json', 'b.json', {})).toThrow(
      /not a valid version 1 file/,
    )
  })
})
