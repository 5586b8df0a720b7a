import { mkdirSync, writeFileSync } from 'node:fs'
import { readFile, rm, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { bodyPath, CATALOG_FILE, type Archive } from '../../../main/core/archive/archive'
import { realFs } from '../../../main/core/archive/atomicJsonFile'
import { bodiesInPack, DamagedPack, listPacks, packPath, packText, readBodyFromPack } from '../../../main/core/archive/bodyPacks'
import { journalPathOf } from '../../../main/core/archive/journal'
import { readParagraphs, readParagraphsSync } from '../../../main/core/search/articleText'
import { filesUnder } from '../../helpers/archiveFiles'
import { archivesPerTest, tempDir } from '../../helpers/tempArchive'
import { sampleArticle } from './sampleArticles'

describe('the pack format', () => {
  let dir: string
  let cleanup: () => Promise<void>
  beforeEach(async () => {
    ;({ dir, cleanup } = await tempDir())
    mkdirSync(join(dir, 'articles', 'packs'), { recursive: true })
  })
  afterEach(() => cleanup())
  const PACK = 'testpack0001'
  const written = (text: string | Buffer): void => writeFileSync(packPath(dir, PACK), text)

  it('gives back each body byte for byte, whatever its characters and sizes, the header read first', () => {
    const id = fc.stringMatching(/^[a-z0-9]{16}$/)
    // Long texts and many bodies push the body and then the header past the first read.
    const text = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme', minLength: 5000, maxLength: 20000 }))
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(id, text), { minLength: 1, maxLength: 12, selector: ([i]) => i }), fc.integer({ min: 0, max: 1200 }), (entries, fillers) => {
        const bodies = entries.map(([i, t]) => ({ id: i, json: JSON.stringify({ id: i, t }) }))
        const padding = Array.from({ length: fillers }, (_, k) => ({ id: `f${String(k).padStart(15, '0')}`, json: '{}' }))
        const text = packText([...padding, ...bodies])
        written(text)
        for (const { id: i, json } of bodies) expect(readBodyFromPack(dir, PACK, i)?.toString('utf8')).toBe(json)
        expect(bodiesInPack(Buffer.from(text)).slice(fillers).map((b) => b.bytes.toString('utf8'))).toEqual(bodies.map((b) => b.json))
        expect(readBodyFromPack(dir, PACK, 'zzzzzzzzzzzzzzzz')).toBeNull()
      }),
      { numRuns: 60 },
    )
    expect(readBodyFromPack(dir, 'nosuchpack', 'zzzzzzzzzzzzzzzz')).toBeNull()
  })

  it('calls a pack damaged when its header is missing, foreign or does not add up', () => {
    const good = packText([
      { id: 'aaaaaaaaaaaaaaaa', json: '{"id":"aaaaaaaaaaaaaaaa"}' },
      { id: 'bbbbbbbbbbbbbbbb', json: '{"id":"bbbbbbbbbbbbbbbb","t":"é"}' },
    ])
    const damaged = (text: string | Buffer, id = 'bbbbbbbbbbbbbbbb'): string => {
      written(text)
      try {
        readBodyFromPack(dir, PACK, id)
      } catch (e) {
        if (e instanceof DamagedPack) return e.reason
        throw e
      }
      return 'read'
    }
    expect(damaged(good)).toBe('read')
    expect(damaged('')).toBe('no header line')
    expect(damaged('x'.repeat(40_000))).toBe('no header line')
    expect(damaged('not json\n{}\n')).toBe('its header is not JSON')
    expect(damaged('{"version":3}\n')).toBe('not a body pack')
    expect(damaged(good.replace('"pack":1', '"pack":2'))).toBe('written by a newer release')
    expect(damaged('{"pack":1,"ids":["a"],"ends":[]}\n')).toBe('its header lists no bodies')
    // Cut short by a failing disk, or bytes lost in the middle: no body may be read from the wrong place.
    expect(damaged(good.slice(0, -5))).toBe('it is cut short or its bodies have moved')
    expect(damaged(good.replace('{"id":"aaaaaaaaaaaaaaaa"}', '{"id":"aaaaaaaaaaaaaaaa" }'))).toBe('it is cut short or its bodies have moved')
    expect(() => bodiesInPack(Buffer.from(good.slice(0, -5)))).toThrow(DamagedPack)
  })
})

describe('an archive that packs the bodies of an import', () => {
  const archives = archivesPerTest()
  const { open, reopen, opened } = archives
  let dir: string
  beforeEach(() => {
    dir = archives.dir
  })
  const packedIds = async (pack: string): Promise<string[]> => bodiesInPack(await readFile(packPath(dir, pack))).map((b) => b.id)
  const bodyFiles = async (): Promise<string[]> => (await filesUnder(dir)).filter((f) => f.startsWith('articles/'))
  const importMany = async (archive: Archive, from: number, count: number): Promise<string[]> =>
    (await archive.addArticles(Array.from({ length: count }, (_, i) => sampleArticle(from + i)))).map((o) => o.article.id)

  it('stores a 50-file import as one pack with one fsync, and reads every article back after reopening', async () => {
    let fileSyncs = 0
    const archive = await open({
      fs: {
        async writeTemp(path, text) {
          if (path.includes('articles')) fileSyncs++
          await realFs.writeTemp(path, text)
        },
      },
    })
    const ids = await importMany(archive, 1, 50)
    expect(fileSyncs).toBe(1)
    const [pack] = await listPacks(dir)
    expect(await bodyFiles()).toEqual([`articles/packs/${pack}.pack`])
    expect(new Set(ids.map((id) => archive.packOf(id)))).toEqual(new Set([pack]))

    const again = await reopen()
    expect(again.size).toBe(50)
    for (const [i, id] of ids.entries()) expect((await again.getArticle(id)).paragraphs).toEqual(sampleArticle(1 + i).paragraphs)
    // The search index reads the same bodies without the archive, given the pack.
    expect(await readParagraphs(dir, ids[7] as string, pack)).toEqual(sampleArticle(8).paragraphs)
    expect(readParagraphsSync(dir, ids[7] as string, pack)).toEqual(sampleArticle(8).paragraphs)
  })

  it('keeps a lone article in a file of its own', async () => {
    const archive = await open()
    const [id] = await importMany(archive, 1, 1)
    expect(archive.packOf(id as string)).toBeUndefined()
    expect(await bodyFiles()).toEqual([`articles/${(id as string).slice(0, 2)}/${id}.json`])
  })

  it('moves a renamed article or a new version out of its pack, and deletes the pack once nothing is left in it', async () => {
    const archive = await open()
    const [one, two] = (await importMany(archive, 1, 2)) as [string, string]
    const [pack] = await listPacks(dir)
    await archive.rename(one, 'Judul baru')
    expect(archive.packOf(one)).toBeUndefined()
    expect(await listPacks(dir)).toEqual([pack])
    // The pack keeps no stale copy of the body that left it.
    expect(await packedIds(pack as string)).toEqual([two])

    const changed = { ...sampleArticle(2), paragraphs: ['Paragraf yang diperbarui.'] }
    const [outcome] = await archive.addArticles([changed])
    expect(outcome?.status).toBe('newVersion')
    expect(archive.packOf(two)).toBeUndefined()
    expect(await listPacks(dir)).toEqual([])

    const again = await reopen()
    expect((await again.getArticle(one)).title).toBe('Judul baru')
    expect((await again.getArticle(two)).paragraphs).toEqual(['Paragraf yang diperbarui.'])
    expect((await again.listVersions(two)).map((v) => v.paragraphCount)).toEqual([2, 1])
  })

  it('leaves no text of a removed article in its pack, and deletes the pack with its last article', async () => {
    const archive = await open()
    const ids = await importMany(archive, 1, 3)
    const [pack] = (await listPacks(dir)) as [string]
    await archive.removeArticles(ids.slice(0, 2))
    expect(await listPacks(dir)).toEqual([pack])
    expect(await packedIds(pack)).toEqual([ids[2]])
    const left = await readFile(packPath(dir, pack), 'utf8')
    for (const n of [1, 2]) expect(left).not.toContain(sampleArticle(n).paragraphs[0])
    expect((await archive.getArticle(ids[2] as string)).paragraphs).toEqual(sampleArticle(3).paragraphs)
    expect((await reopen()).size).toBe(1)
    await opened[0]?.removeArticles(ids.slice(2))
    expect(await listPacks(dir)).toEqual([])
  })

  it('reports a damaged pack as damaged text of the article opened, and leaves the pack in place for the others', async () => {
    const archive = await open()
    const [one, two] = (await importMany(archive, 1, 2)) as [string, string]
    const [pack] = (await listPacks(dir)) as [string]
    const path = packPath(dir, pack)
    // One bit flipped inside the first body: its JSON breaks, the layout holds.
    const bytes = await readFile(path)
    const at = bytes.indexOf('"title"', bytes.indexOf(10))
    bytes[at] = 0x27
    await writeFile(path, bytes)
    const again = await reopen()
    await expect(again.getArticle(one)).rejects.toMatchObject({ code: 'ARCHIVE_CORRUPT', params: { file: `articles/packs/${pack}.pack` } })
    expect((await again.getArticle(two)).paragraphs).toEqual(sampleArticle(2).paragraphs)
    expect(await listPacks(dir)).toEqual([pack])
  })

  it('forgets a pack a crash left before its articles were listed', async () => {
    const archive = await open()
    await importMany(archive, 1, 2)
    await archive.close()
    opened.splice(0)
    // What a crash between writing the pack and saving the catalogue leaves: a pack nothing names.
    const orphan = '0000000000orphan1'
    await writeFile(packPath(dir, orphan), packText([{ id: 'aaaaaaaaaaaaaaaa', json: '{}' }]))
    const again = await open()
    await again.settled()
    expect(await listPacks(dir)).not.toContain(orphan)
    expect((await listPacks(dir)).length).toBe(1)
    expect(again.size).toBe(2)
  })

  it('lists packed articles again when the catalogue is lost', async () => {
    const archive = await open()
    const ids = await importMany(archive, 1, 3)
    const [pack] = (await listPacks(dir)) as [string]
    const packed = await readFile(packPath(dir, pack))
    await archive.rename(ids[0] as string, 'Judul pilihan pengguna')
    await archive.close()
    opened.splice(0)
    // The pack as a crash right after the rename's save leaves it: still holding the old copy.
    await writeFile(packPath(dir, pack), packed)
    await rm(join(dir, 'backups'), { recursive: true, force: true })
    await unlink(join(dir, CATALOG_FILE))
    await rm(journalPathOf(join(dir, CATALOG_FILE)), { force: true })
    const again = await open()
    expect(again.recoveryEvents).toMatchObject([{ file: CATALOG_FILE, action: 'rebuilt', articlesFromBodies: 3 }])
    expect((await again.getArticle(ids[0] as string)).title).toBe('Judul pilihan pengguna')
    expect((await again.getArticle(ids[1] as string)).paragraphs).toEqual(sampleArticle(2).paragraphs)
    // The renamed body's own file wins over its old copy in the pack.
    expect(again.packOf(ids[0] as string)).toBeUndefined()
    expect(again.packOf(ids[1] as string)).toBeDefined()
    expect(await readFile(bodyPath(dir, ids[0] as string), 'utf8')).toContain('Judul pilihan pengguna')
  })
})
