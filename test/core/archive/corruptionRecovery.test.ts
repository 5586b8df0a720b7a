import { existsSync, readdirSync } from 'node:fs'
import { readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import i18next, { type Resource } from 'i18next'
import { beforeEach, describe, expect, it } from 'vitest'
import type { ArticleSummary } from '../../../preload/contract'
import { bodyPath, openArchive, recoveryNotice, type Archive, type ArchiveOptions } from '../../../main/core/archive/archive'
import { BACKUPS_DIR, KEEP_BACKUPS, listBackups } from '../../../main/core/archive/backups'
import { archivesPerTest } from '../../helpers/tempArchive'
import { sampleArticle } from './sampleArticles'

let t: number
/** A clock that moves a second on every reading, so backups and set-aside files get distinct names. */
const clock = (): Date => new Date((t += 1000))
const archives = archivesPerTest()
const { closeAll } = archives
let dir: string
beforeEach(() => {
  dir = archives.dir
  t = Date.parse('2024-05-01T08:00:00.000Z')
})

const open = (options: ArchiveOptions = {}): Promise<Archive> => archives.open({ now: clock, ...options })
const everything = (a: Archive): ArticleSummary[] => a.list({ filter: 'all', offset: 0, limit: 1000 }).items

interface Built {
  ids: [string, string, string]
  /** The library as the user last saw it. */
  library: ArticleSummary[]
  /** The library as of the newest backup: two articles, one bookmarked, English chosen. */
  backedUp: ArticleSummary[]
}

/**
 * Three articles, one renamed, two bookmarked, English chosen. With `backup`, a backup is
 * taken after the first two (so the third is newer than it); without, backups/ is removed.
 */
async function buildArchive(backup: boolean): Promise<Built> {
  const a = await open()
  const [one, two] = (await a.addArticles([sampleArticle(1), sampleArticle(2)])).map((o) => o.article.id) as [string, string]
  await a.setBookmark(one, true)
  await a.setLanguage('en')
  await a.rename(two, 'Judul pilihan pengguna')
  await a.markRead(two)
  await closeAll()
  const b = await open() // takes the backup once open has resolved
  const backedUp = everything(b)
  await closeAll()
  const c = await open()
  const [three] = (await c.addArticles([sampleArticle(3)])).map((o) => o.article.id) as [string]
  await c.setBookmark(three, true)
  const library = everything(c)
  await closeAll()
  if (!backup) await rm(join(dir, BACKUPS_DIR), { recursive: true, force: true })
  else expect((await listBackups(dir, 'catalog.json')).length).toBeGreaterThan(0)
  return { ids: [one, two, three], library, backedUp }
}

/** What a crash, a disk error or another program can leave of a good file. */
const damages: [string, (good: Buffer) => Buffer][] = [
  ['empty', () => Buffer.alloc(0)],
  ['truncated', (good) => good.subarray(0, Math.floor(good.length / 2))],
  ['followed by trailing garbage', (good) => Buffer.concat([good, good.subarray(5)])],
  ['full of NUL bytes', (good) => Buffer.alloc(good.length)],
  ['prefixed with a byte-order mark', (good) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), good])],
  ['rewritten with Windows line endings', (good) => Buffer.from(good.toString('utf8').replace(/,/g, ',\r\n'))],
  ['an array instead of an object', () => Buffer.from('[]')],
  ['of the wrong shape', () => Buffer.from('{"version":1,"articles":"x","settings":"x"}')],
]

async function damage(file: string, how: (good: Buffer) => Buffer): Promise<Buffer> {
  const bad = how(await readFile(join(dir, file)))
  await writeFile(join(dir, file), bad)
  return bad
}

const stampedName = (file: string): RegExp => new RegExp(`^${file.replace('.', '\\.')}\\.corrupt-\\d{4}-\\d{2}-\\d{2}T\\d{6}\\.\\d{3}Z$`)

describe.each([true, false])('a damaged catalogue (backup: %s)', (withBackup) => {
  it.each(damages)('is set aside and the library comes back when it is %s', async (_, how) => {
    const built = await buildArchive(withBackup)
    const bad = await damage('catalog.json', how)

    const archive = await open()
    expect(archive.recoveryEvents).toHaveLength(1)
    const [event] = archive.recoveryEvents
    expect(event).toMatchObject({
      file: 'catalog.json',
      action: withBackup ? 'restored-backup' : 'rebuilt',
      movedTo: expect.stringMatching(stampedName('catalog.json')),
      articlesFromBodies: withBackup ? 1 : 3,
    })
    // Never overwritten: the damaged bytes are kept as they were.
    expect(await readFile(join(dir, event?.movedTo as string))).toEqual(bad)
    // Everything the user had, renamed title, bookmarks and read marks included.
    expect(everything(archive)).toEqual(built.library)
    for (const id of built.ids) expect((await archive.getArticle(id)).paragraphs).toHaveLength(2)

    await closeAll()
    const again = await open()
    expect(again.recoveryEvents).toEqual([])
    expect(everything(again)).toEqual(built.library)
  })
})

describe.each([true, false])('a damaged state file (backup: %s)', (withBackup) => {
  it.each(damages)('is set aside and bookmarks and settings come back from the backup or start afresh when it is %s', async (_, how) => {
    const built = await buildArchive(withBackup)
    const bad = await damage('state.json', how)

    const archive = await open()
    const [event] = archive.recoveryEvents
    expect(archive.recoveryEvents).toHaveLength(1)
    expect(event).toMatchObject({
      file: 'state.json',
      action: withBackup ? 'restored-backup' : 'reset',
      movedTo: expect.stringMatching(stampedName('state.json')),
    })
    expect(await readFile(join(dir, event?.movedTo as string))).toEqual(bad)
    const library = everything(archive)
    // The articles themselves never depend on the state file.
    expect(library.map((a) => [a.id, a.title])).toEqual(built.library.map((a) => [a.id, a.title]))
    if (withBackup) {
      expect(archive.language).toBe('en')
      expect(library.filter((a) => a.bookmarked).map((a) => a.id)).toEqual([built.ids[0]])
      expect(library.filter((a) => a.read).map((a) => a.id)).toEqual([built.ids[1]])
    } else {
      expect(archive.language).toBeNull()
      expect(library.some((a) => a.bookmarked || a.read)).toBe(false)
    }
    await closeAll()
    expect((await open()).recoveryEvents).toEqual([])
  })
})

describe('a damaged article', () => {
  it('reports only that article as damaged, sets its file aside and leaves the others readable', async () => {
    const { ids, library } = await buildArchive(true)
    const [one, two, three] = ids
    const path = bodyPath(dir, two)
    await writeFile(path, (await readFile(path)).subarray(0, 40))

    const archive = await open()
    expect(archive.recoveryEvents).toEqual([])
    await expect(archive.getArticle(two)).rejects.toMatchObject({ code: 'ARCHIVE_CORRUPT' })
    expect(archive.recoveryEvents).toEqual([
      expect.objectContaining({ file: `articles/${two.slice(0, 2)}/${two}.json`, action: 'set-aside', movedTo: expect.stringMatching(/\.json\.corrupt-/) }),
    ])
    expect(existsSync(path)).toBe(false)
    // Still listed (its metadata is intact), still reported damaged, and the others read fine.
    expect(everything(archive)).toEqual(library)
    await expect(archive.getArticle(two)).rejects.toMatchObject({ code: 'ARCHIVE_CORRUPT' })
    expect((await archive.getArticle(one)).id).toBe(one)
    expect((await archive.getArticle(three)).id).toBe(three)
  })

  it('is set aside, not listed twice, when the catalogue is rebuilt around it', async () => {
    const { ids } = await buildArchive(false)
    await writeFile(bodyPath(dir, ids[2]), '\0\0\0\0')
    await unlink(join(dir, 'catalog.json'))
    const archive = await open()
    expect(archive.recoveryEvents.map((e) => e.action).sort()).toEqual(['rebuilt', 'set-aside'])
    expect(archive.size).toBe(2)
  })
})

describe('rebuilding and backups', () => {
  it('rebuilds a missing catalogue from the saved articles', async () => {
    const { library } = await buildArchive(false)
    await unlink(join(dir, 'catalog.json'))
    const archive = await open()
    expect(archive.recoveryEvents).toEqual([{ file: 'catalog.json', action: 'rebuilt', movedTo: null, reason: 'missing', articlesFromBodies: 3 }])
    expect(everything(archive)).toEqual(library)
  })

  it('passes over a damaged backup for an older good one', async () => {
    const { backedUp } = await buildArchive(true)
    // A newer backup, itself damaged.
    const newest = join(dir, BACKUPS_DIR, 'catalog.json.2099-01-01T000000.000Z')
    await writeFile(newest, '{"version":1,"articles":[')
    await damage('catalog.json', () => Buffer.from('{}'))
    const archive = await open()
    expect(archive.recoveryEvents[0]).toMatchObject({ action: 'restored-backup', backupTakenAt: expect.not.stringMatching(/^2099/) })
    for (const a of backedUp) expect(archive.summary(a.id).title).toBe(a.title)
  })

  it('takes the backup after opening, so the first page is not kept waiting', async () => {
    const a = await open()
    await a.addArticles([sampleArticle(1)])
    await closeAll()
    await open()
    // Open has resolved; the copy is still to come.
    expect(existsSync(join(dir, BACKUPS_DIR)) ? readdirSync(join(dir, BACKUPS_DIR)) : []).toEqual([])
    await closeAll()
    expect((await listBackups(dir, 'catalog.json')).map((b) => b.kind)).toEqual(['rolling'])
  })

  it('does not copy an unchanged file again on every open', async () => {
    const a = await open()
    await a.addArticles([sampleArticle(1)])
    await closeAll()
    for (let i = 0; i < 3; i++) {
      await open()
      await closeAll()
    }
    expect(await listBackups(dir, 'catalog.json')).toHaveLength(1)
  })

  it(`keeps the ${KEEP_BACKUPS} newest backups of each file while writing`, async () => {
    const archive = await open({ backupIntervalMs: 0 })
    for (let n = 0; n < KEEP_BACKUPS + 3; n++) {
      const article = (await archive.addArticles([sampleArticle(n)]))[0]?.article as ArticleSummary
      await archive.setBookmark(article.id, true)
    }
    await closeAll()
    for (const file of ['catalog.json', 'state.json']) {
      const backups = await listBackups(dir, file)
      expect(backups).toHaveLength(KEEP_BACKUPS)
      // Newest first, and the newest holds the last save.
      expect(JSON.parse(await readFile(backups[0]?.path as string, 'utf8'))).toEqual(JSON.parse(await readFile(join(dir, file), 'utf8')))
    }
    expect((await readdir(join(dir, BACKUPS_DIR))).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })

  it('refuses to open a damaged archive read-only, and changes nothing', async () => {
    await buildArchive(true)
    const bad = await damage('catalog.json', () => Buffer.from('{"version":1,'))
    await expect(openArchive(dir, { readOnly: true })).rejects.toMatchObject({ code: 'ARCHIVE_CORRUPT', params: { file: 'catalog.json' } })
    expect(await readFile(join(dir, 'catalog.json'))).toEqual(bad)
  })

  it('words every repair for the user in both languages', async () => {
    const resources: Resource = {}
    for (const lng of ['en', 'id']) {
      resources[lng] = { archive: JSON.parse(await readFile(join(import.meta.dirname, `../../../locales/${lng}/archive.json`), 'utf8')) }
    }
    const events = [
      { file: 'catalog.json', action: 'restored-backup', movedTo: 'catalog.json.corrupt-x', backupTakenAt: '2024-01-01T00:00:00.000Z', articlesFromBodies: 1 },
      { file: 'catalog.json', action: 'restored-backup', movedTo: null, backupTakenAt: '2024-01-01T00:00:00.000Z', articlesFromBodies: 1 },
      { file: 'catalog.json', action: 'rebuilt', movedTo: 'catalog.json.corrupt-x', articlesFromBodies: 2 },
      { file: 'catalog.json', action: 'rebuilt', movedTo: null, articlesFromBodies: 1 },
      { file: 'state.json', action: 'restored-backup', movedTo: 'state.json.corrupt-x', backupTakenAt: '2024-01-01T00:00:00.000Z' },
      { file: 'state.json', action: 'restored-backup', movedTo: null, backupTakenAt: '2024-01-01T00:00:00.000Z' },
      { file: 'state.json', action: 'reset', movedTo: 'state.json.corrupt-x' },
      { file: 'articles/ab/ab00000000000000.json', action: 'set-aside', movedTo: 'articles/ab/ab00000000000000.json.corrupt-x' },
    ] as const
    for (const lng of ['en', 'id']) {
      const i18n = i18next.createInstance()
      await i18n.init({ lng, resources, ns: ['archive'], defaultNS: 'archive', interpolation: { escapeValue: false } })
      for (const event of events) {
        const { key, params } = recoveryNotice({ reason: 'test', ...event })
        const text = i18n.t(key, params)
        expect(text, `${lng} ${key}`).not.toBe(key)
        expect(text, `${lng} ${key}`).not.toMatch(/{{|}}|Invalid/)
        if (event.movedTo) expect(text).toContain(event.movedTo)
        if (event.action === 'rebuilt') expect(text).toContain(String(event.articlesFromBodies))
        if ('backupTakenAt' in event) expect(text).toMatch(/2024|1\/1\/24/)
      }
    }
  })
})
