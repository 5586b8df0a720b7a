// The recovery report the window shows once after a repair: what was damaged, where the damaged
// copy is kept, which backup it came back from — in both languages — until the user dismisses it.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import i18next, { type Resource } from 'i18next'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { contract, type Method, type Output, type Result } from '../../../preload/contract'
import { bodyPath, openArchive, type Archive } from '../../../main/core/archive/archive'
import { recoveryNoticeOf } from '../../../main/core/archive/recoveryNotice'
import { NOTICES_FILE } from '../../../main/core/archive/recoveryNotices'
import { createHandlers, type Handlers } from '../../../main/core/handlers'
import { invoke } from '../../../main/core/invoke'
import { writeArchiveWithDamagedCatalog } from '../../helpers/damagedArchive'
import { sampleArticle } from './sampleArticles'
import { repoRoot, samplesDir, tempDir } from '../../helpers/tempArchive'

let dir: string
let cleanup: () => Promise<void>
let archive: Archive | null = null
let handlers: Handlers

beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir())
})
afterEach(async () => {
  await archive?.close()
  archive = null
  await cleanup()
})

async function openHost(): Promise<void> {
  archive = await openArchive(dir)
  handlers = createHandlers({ archive, systemLocale: 'en-US', samplesDir })
}

async function call<M extends Method>(method: M, input: unknown): Promise<Output<M>> {
  const result = (await invoke(handlers, method, input)) as Result<Output<M>>
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`)
  expect(contract[method].output.safeParse(result.value).success, method).toBe(true)
  return result.value
}

describe('the recovery report', () => {
  it('is empty when the archive opened without repairs', async () => {
    await openHost()
    expect(await call('getRecoveryReport', {})).toEqual({ items: [], seen: 0 })
  })

  it('tells of a damaged list restored from a backup: when the backup was taken and where the damaged copy is', async () => {
    const built = await writeArchiveWithDamagedCatalog(dir)
    await openHost()
    const report = await call('getRecoveryReport', {})
    expect(report.seen).toBe(1)
    expect(report.items).toEqual([
      {
        what: 'catalog',
        action: 'restored-backup',
        keptAt: expect.stringMatching(/catalog\.json\.corrupt-/),
        backupTakenAt: built.backupTakenAt,
        articlesFromBodies: 0,
      },
    ])
    // A full path the user can find, holding exactly the damaged bytes.
    const keptAt = report.items[0]?.keptAt as string
    expect(keptAt.startsWith(dir)).toBe(true)
    expect(await readFile(keptAt)).toEqual(built.damaged)
    expect(archive?.size).toBe(built.articleCount)
  })

  it('is worded in Indonesian and English with the backup date and the path of the damaged copy', async () => {
    await writeArchiveWithDamagedCatalog(dir, new Date('2026-11-20T03:15:00.000Z'))
    await openHost()
    const [item] = (await call('getRecoveryReport', {})).items
    if (!item) throw new Error('no repair reported')
    const resources: Resource = {}
    for (const lng of ['en', 'id']) resources[lng] = { archive: JSON.parse(await readFile(join(repoRoot, 'locales', lng, 'archive.json'), 'utf8')) }
    const i18n = i18next.createInstance()
    await i18n.init({ lng: 'en', resources, ns: ['archive'], defaultNS: 'archive', interpolation: { escapeValue: false } })
    const { key, params } = recoveryNoticeOf({ ...item, movedTo: item.keptAt })
    const english = i18n.t(key, { ...params, lng: 'en', timeZone: 'Asia/Jakarta' })
    const indonesian = i18n.t(key, { ...params, lng: 'id', timeZone: 'Asia/Jakarta' })
    expect(english).toContain('was damaged')
    expect(english).toContain('November 20, 2026')
    expect(english).toContain(item.keptAt as string)
    expect(indonesian).toContain('rusak')
    expect(indonesian).toContain('20 November 2026')
    expect(indonesian).toMatch(/10[.:]15/)
    expect(indonesian).toContain(item.keptAt as string)
    for (const text of [english, indonesian]) expect(text).not.toMatch(/{{|}}|Invalid Date/)
  })

  it('once dismissed is not told again, but a repair made after it still is', async () => {
    await writeArchiveWithDamagedCatalog(dir)
    await openHost()
    const first = await call('getRecoveryReport', {})
    expect(await call('dismissRecoveryReport', { seen: first.seen })).toEqual({ remaining: 0 })
    expect(await call('getRecoveryReport', {})).toEqual({ items: [], seen: 1 })
    // A number past the end dismisses only what has happened, never repairs still to come.
    expect(await call('dismissRecoveryReport', { seen: 99 })).toEqual({ remaining: 0 })

    // An article's text damaged while the app runs: reading it sets the file aside, and the report says so.
    // (One imported alone, so its text has a file of its own; the samples share a pack.)
    const [imported] = await (archive as Archive).addArticles([sampleArticle(1)])
    const id = imported?.article.id as string
    await writeFile(bodyPath(dir, id), '{"trunc')
    expect(await invoke(handlers, 'getArticle', { articleId: id })).toMatchObject({ ok: false, error: { code: 'ARCHIVE_CORRUPT' } })
    const later = await call('getRecoveryReport', {})
    expect(later.items).toEqual([expect.objectContaining({ what: 'article', action: 'set-aside', keptAt: expect.stringContaining(id) })])
    // A window that dismisses what it saw earlier does not hide the newer repair.
    expect(await call('dismissRecoveryReport', { seen: first.seen })).toEqual({ remaining: 1 })
    expect((await call('getRecoveryReport', {})).items).toHaveLength(1)
    expect(await call('dismissRecoveryReport', { seen: later.seen })).toEqual({ remaining: 0 })
    expect(await call('getRecoveryReport', {})).toEqual({ items: [], seen: 2 })
  })

  it('is told again at the next open until dismissed — a repair made by the command line too — and never after', async () => {
    const built = await writeArchiveWithDamagedCatalog(dir)
    // `warta import` (the command line) opens the archive for writing while the app is closed, and repairs it.
    const cli = await openArchive(dir, { log: () => {} })
    expect(cli.recoveryEvents).toHaveLength(1)
    await cli.close()

    await openHost()
    // This open repaired nothing itself: the repair holds.
    expect(archive?.recoveryEvents).toEqual([])
    const report = await call('getRecoveryReport', {})
    expect(report.items).toEqual([expect.objectContaining({ what: 'catalog', action: 'restored-backup', backupTakenAt: built.backupTakenAt })])
    await archive?.close()

    // Closed without looking: still there.
    await openHost()
    expect((await call('getRecoveryReport', {})).items).toHaveLength(1)
    expect(await call('dismissRecoveryReport', { seen: 1 })).toEqual({ remaining: 0 })
    await archive?.close()
    await openHost()
    expect(await call('getRecoveryReport', {})).toEqual({ items: [], seen: 0 })
  })

  it('opens fine when the notices file is damaged, and only loses the old notices', async () => {
    await writeFile(join(dir, NOTICES_FILE), '{"version":1,"events":[{"fi')
    const logged: string[] = []
    archive = await openArchive(dir, { log: (message) => logged.push(message) })
    handlers = createHandlers({ archive, systemLocale: 'en-US', samplesDir })
    expect(await call('getRecoveryReport', {})).toEqual({ items: [], seen: 0 })
    expect(logged.join('\n')).toContain(NOTICES_FILE)
  })

  it('is neither read nor written by a read-only open (a tool beside the app)', async () => {
    await writeArchiveWithDamagedCatalog(dir)
    await openHost()
    await archive?.close()
    const before = await readFile(join(dir, NOTICES_FILE), 'utf8')
    expect(before).toContain('restored-backup')
    archive = await openArchive(dir, { readOnly: true })
    expect(archive.recoveryReport()).toEqual({ events: [], seen: 0 })
    await archive.close()
    archive = null
    expect(await readFile(join(dir, NOTICES_FILE), 'utf8')).toBe(before)
  })
})
