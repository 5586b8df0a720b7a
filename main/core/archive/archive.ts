// The local archive: a catalogue of article metadata, one body file per article, and a
// small state file for what changes often. Laid out so a bookmark never rewrites bodies
// or the catalogue, and an import never rewrites other articles' bodies. One process writes
// an archive at a time (archiveLock.ts); damaged files are repaired on open (recovery.ts);
// every save is durable before it is reported done, and a failed save is undone in memory.
import { createHash } from 'node:crypto'
import { unlink } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { Low } from 'lowdb'
import type { Article, ArticleSummary, Language } from '../../../preload/contract'
import { AppError } from '../errors'
import { ArchiveLock, type LockOptions } from './archiveLock'
import { archivePath, AtomicJsonFile, CorruptFileError, realFs, sweepTempFiles, writeFileDurably, type FsOps } from './atomicJsonFile'
import { backupsDir, takeBackupIfChanged } from './backups'
import { bodyPath, readBody } from './bodyFiles'
import { catalogKind, stateKind, upgrade } from './migrations'
import { BODY_VERSION, type ArticleContent, type ArticleRecord, type BodyFile, type CatalogFile, type StateFile } from './records'
import { CATALOG_FILE, loadArchiveFiles, setAside, STATE_FILE, type RecoveryEvent } from './recovery'
import { SerialQueue } from './serialQueue'

export { ARTICLES_DIR, bodyPath } from './bodyFiles'
export { CATALOG_FILE, STATE_FILE, recoveryNotice, type RecoveryEvent } from './recovery'

/** What an importer hands the archive: one parsed article. */
export interface NewArticle {
  title: string
  titleDerived: boolean
  language: Language
  dateline: { place: string | null; agency: string | null }
  publishedAt: string | null
  paragraphs: string[]
  inlineRelated: { title: string; afterParagraph: number }[]
  related: { title: string; publishedAt: string | null }[]
  credits: { reporter: string | null; editor: string | null; copyright: string | null }
  sourceName: string | null
}

export type AddOutcome = { status: 'imported' | 'duplicate'; article: ArticleSummary }

export interface ListQuery {
  filter: 'all' | 'bookmarked'
  offset: number
  limit: number
}

export interface ArchiveOptions {
  /** Injected clock, so tests and benchmarks control saved dates. */
  now?: () => Date
  /**
   * For tools that only read: no lock is taken (so it works beside a running app), nothing is
   * written — a damaged file is an error instead of being repaired, older formats are
   * migrated in memory only — and every change throws (INTERNAL: a tool that reads should not write).
   */
  readOnly?: boolean
  /** Injected by tests: the steps of every save, to simulate a full disk or an I/O error. */
  fs?: Partial<FsOps>
  lock?: LockOptions
  /** At most this often (ms) a save also copies its file to backups/; an hour by default. */
  backupIntervalMs?: number
  /** Where failures of background work (backups) go; they never fail a call. */
  log?: (message: string, error: unknown) => void
}

const HOUR_MS = 60 * 60 * 1000
/** Bodies of one import written side by side, so their fsyncs overlap. */
const BODY_WRITE_BATCH = 8

/** Titles are matched loosely: case, quotes and spacing differ between a headline and a related link. */
export const normaliseTitle = (title: string): string =>
  title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()

/** Same words in the same order → same hash, whatever the line endings or spacing of the file. */
export function contentHashOf(article: Pick<NewArticle, 'title' | 'titleDerived' | 'paragraphs'>): string {
  const text = [article.titleDerived ? '' : article.title, ...article.paragraphs]
    .map((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim())
    .join('\n')
  return createHash('sha256').update(text).digest('hex')
}

interface ArchiveParts {
  dir: string
  catalog: CatalogFile
  state: StateFile
  events: RecoveryEvent[]
  lock: ArchiveLock | null
  fs: FsOps
  options: ArchiveOptions
}

export class Archive {
  readonly dir: string
  readonly readOnly: boolean
  /**
   * What was repaired: damaged or missing files found while opening, and bodies found
   * damaged since. The host tells the user (see recoveryNotice for the words).
   */
  readonly recoveryEvents: RecoveryEvent[]
  readonly #catalog: Low<CatalogFile>
  readonly #state: Low<StateFile>
  readonly #catalogFile: AtomicJsonFile<CatalogFile>
  readonly #stateFile: AtomicJsonFile<StateFile>
  readonly #lock: ArchiveLock | null
  readonly #fs: FsOps
  readonly #now: () => Date
  readonly #log: (message: string, error: unknown) => void
  readonly #backupIntervalMs: number
  readonly #catalogQueue = new SerialQueue()
  readonly #stateQueue = new SerialQueue()
  readonly #background = new Set<Promise<void>>()
  readonly #lastBackupAt = new Map<string, number>()
  /** Body directories already cleared of temp files left by a crash, this session. */
  readonly #sweptShards = new Set<string>()
  readonly #byId = new Map<string, ArticleRecord>()
  readonly #byHash = new Map<string, string>()
  readonly #byTitle = new Map<string, string>()
  /** Newest first; rebuilt lazily after the catalogue changes. */
  #ordered: ArticleRecord[] | null = null
  #closing: Promise<void> | null = null

  private constructor(parts: ArchiveParts) {
    const { dir, options } = parts
    this.dir = dir
    this.readOnly = options.readOnly ?? false
    this.recoveryEvents = parts.events
    this.#lock = parts.lock
    this.#fs = parts.fs
    this.#now = options.now ?? (() => new Date())
    this.#log = options.log ?? ((message, error) => console.warn(message, error))
    this.#backupIntervalMs = options.backupIntervalMs ?? HOUR_MS
    const catalogPath = join(dir, CATALOG_FILE)
    const statePath = join(dir, STATE_FILE)
    this.#catalogFile = new AtomicJsonFile(catalogPath, {
      decode: (json) => upgrade(catalogKind, json, catalogPath, CATALOG_FILE, undefined).data,
      fs: parts.fs,
    })
    this.#stateFile = new AtomicJsonFile(statePath, {
      decode: (json) => upgrade(stateKind, json, statePath, STATE_FILE, undefined).data,
      pretty: true,
      fs: parts.fs,
    })
    this.#catalog = new Low(this.#catalogFile, parts.catalog)
    this.#state = new Low(this.#stateFile, parts.state)
    for (const record of parts.catalog.articles) this.#index(record)
  }

  /**
   * Opens (creating if needed) the archive in `dir`. Throws AppError ARCHIVE_LOCKED when
   * another process or Archive has it open for writing, ARCHIVE_TOO_NEW when a newer Warta
   * wrote it, WRITE_FAILED when a repair or migration cannot be saved.
   */
  static async open(dir: string, options: ArchiveOptions = {}): Promise<Archive> {
    const readOnly = options.readOnly ?? false
    const now = options.now ?? (() => new Date())
    const fs: FsOps = { ...realFs, ...options.fs }
    const lock = readOnly ? null : await ArchiveLock.acquire(dir, options.lock)
    try {
      if (lock) await Promise.all([sweepTempFiles(dir), sweepTempFiles(backupsDir(dir))])
      const { catalog, state, events } = await loadArchiveFiles(dir, { now: now(), readOnly, fs })
      const archive = new Archive({ dir, catalog, state, events, lock, fs, options })
      if (lock) archive.#backUpAfterOpen()
      return archive
    } catch (e) {
      await lock?.release()
      throw e
    }
  }

  /** Finishes pending saves and background backups, then releases the lock. Safe to call twice. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      await Promise.all([this.#catalogQueue.idle(), this.#stateQueue.idle()])
      await Promise.all([this.#catalogFile.flush(), this.#stateFile.flush()])
      while (this.#background.size > 0) await Promise.all(this.#background)
      await this.#lock?.release()
    })()
    return this.#closing
  }

  // -- settings --------------------------------------------------------------

  get language(): Language | null {
    return this.#state.data.settings.language
  }

  async setLanguage(language: Language): Promise<void> {
    await this.#changeState((s) => {
      const previous = s.settings.language
      if (previous === language) return null
      s.settings.language = language
      return () => (s.settings.language = previous)
    })
  }

  // -- reading ---------------------------------------------------------------

  get size(): number {
    return this.#byId.size
  }

  get bookmarkedCount(): number {
    return Object.keys(this.#state.data.bookmarks).length
  }

  has(id: string): boolean {
    return this.#byId.has(id)
  }

  summary(id: string): ArticleSummary {
    return this.#summaryOf(this.#record(id))
  }

  list(query: ListQuery): { items: ArticleSummary[]; total: number } {
    const bookmarks = this.#state.data.bookmarks
    const ordered = this.#orderedRecords()
    const matching = query.filter === 'bookmarked' ? ordered.filter((r) => r.id in bookmarks) : ordered
    return {
      items: matching.slice(query.offset, query.offset + query.limit).map((r) => this.#summaryOf(r)),
      total: matching.length,
    }
  }

  /** The whole article; AppError ARCHIVE_CORRUPT when its body file is damaged or missing (others are unaffected). */
  async getArticle(id: string): Promise<Article> {
    const record = this.#record(id)
    const body = await this.#readBody(record)
    const current = body.versions[body.versions.length - 1] as ArticleContent
    const resolve = (title: string): string | null => {
      const found = this.findByTitle(title)
      return found === id ? null : found
    }
    return {
      ...this.#summaryOf(record),
      titleEdited: record.titleEdited,
      titleDerived: record.titleDerived,
      paragraphs: current.paragraphs,
      inlineRelated: current.inlineRelated.map((r) => ({ ...r, articleId: resolve(r.title) })),
      related: current.related.map((r) => ({ ...r, articleId: resolve(r.title) })),
      credits: current.credits,
    }
  }

  /** The id of an archived article whose title matches, for related links. */
  findByTitle(title: string): string | null {
    return this.#byTitle.get(normaliseTitle(title)) ?? null
  }

  // -- writing ---------------------------------------------------------------

  /**
   * Adds a batch of articles with one catalogue save. Texts already in the archive (or
   * repeated within the batch) come back as duplicates and change nothing. If any save
   * fails, none of the batch is added (AppError WRITE_FAILED) and no body is left behind.
   */
  async addArticles(articles: NewArticle[]): Promise<AddOutcome[]> {
    this.#assertWritable()
    return this.#catalogQueue.run(async () => {
      this.#assertLockHeld()
      const savedAt = this.#now().toISOString()
      const outcomes: AddOutcome[] = []
      const fresh: { record: ArticleRecord; body: BodyFile }[] = []
      const inBatch = new Map<string, ArticleRecord>()
      for (const article of articles) {
        const contentHash = contentHashOf(article)
        const existing = this.#byHash.get(contentHash)
        const earlier = inBatch.get(contentHash)
        if (existing || earlier) {
          outcomes.push({ status: 'duplicate', article: existing ? this.summary(existing) : this.#summaryOf(earlier as ArticleRecord) })
          continue
        }
        const id = contentHash.slice(0, 16)
        const meta = {
          title: article.title,
          titleDerived: article.titleDerived,
          language: article.language,
          dateline: article.dateline,
          publishedAt: article.publishedAt,
        }
        const record: ArticleRecord = { id, ...meta, titleEdited: false, savedAt, contentHash }
        const content: ArticleContent = {
          contentHash,
          savedAt,
          sourceName: article.sourceName,
          ...meta,
          paragraphs: article.paragraphs,
          inlineRelated: article.inlineRelated,
          related: article.related,
          credits: article.credits,
        }
        inBatch.set(contentHash, record)
        fresh.push({ record, body: { version: BODY_VERSION, id, editedTitle: null, versions: [content] } })
        outcomes.push({ status: 'imported', article: this.#summaryOf(record) })
      }
      if (fresh.length === 0) return outcomes

      // Bodies first: an article is listed only once its text is safely on disk.
      const written: string[] = []
      let listed = false
      try {
        for (let i = 0; i < fresh.length; i += BODY_WRITE_BATCH) {
          const chunk = fresh.slice(i, i + BODY_WRITE_BATCH)
          const results = await Promise.allSettled(chunk.map(({ body }) => this.#writeBody(body)))
          let failure: PromiseRejectedResult | null = null
          for (const [j, result] of results.entries()) {
            if (result.status === 'rejected') failure ??= result
            else written.push(chunk[j]?.body.id as string)
          }
          if (failure) throw failure.reason
        }
        this.#catalog.data.articles.push(...fresh.map((f) => f.record))
        for (const { record } of fresh) this.#index(record)
        listed = true
        await this.#catalog.write()
      } catch (e) {
        // Not on disk, so not in the archive: forget them rather than show unsaved articles.
        if (listed) {
          const ids = new Set(fresh.map((f) => f.record.id))
          this.#catalog.data.articles = this.#catalog.data.articles.filter((r) => !ids.has(r.id))
          for (const { record } of fresh) this.#unindex(record)
        }
        await Promise.all(written.map((id) => unlink(bodyPath(this.dir, id)).catch(() => {})))
        throw e
      }
      this.#backUpEveryInterval(CATALOG_FILE)
      return outcomes
    })
  }

  async setBookmark(id: string, bookmarked: boolean): Promise<boolean> {
    this.#record(id)
    await this.#changeState((s) => {
      const previous = s.bookmarks[id]
      if (bookmarked === (previous !== undefined)) return null
      if (bookmarked) s.bookmarks[id] = this.#now().toISOString()
      else delete s.bookmarks[id]
      return () => {
        if (previous) s.bookmarks[id] = previous
        else delete s.bookmarks[id]
      }
    })
    return bookmarked
  }

  /** Marks an article as opened; only the first opening is recorded. */
  async markRead(id: string): Promise<void> {
    this.#record(id)
    await this.#changeState((s) => {
      if (id in s.read) return null
      s.read[id] = this.#now().toISOString()
      return () => delete s.read[id]
    })
  }

  /** Renames an article: the catalogue, and the body file too, so a rebuilt catalogue keeps the title. */
  async rename(id: string, title: string): Promise<ArticleSummary> {
    this.#record(id)
    this.#assertWritable()
    return this.#catalogQueue.run(async () => {
      this.#assertLockHeld()
      const record = this.#record(id)
      const body = await readBody(this.dir, id, record).catch((e: unknown) => {
        // A damaged body is reported when the article is opened; the rename still stands.
        if (e instanceof CorruptFileError) return null
        throw e
      })
      if (body) await this.#writeBody({ ...body, editedTitle: title })
      const previous = { title: record.title, titleEdited: record.titleEdited }
      this.#byTitle.delete(normaliseTitle(record.title))
      record.title = title
      record.titleEdited = true
      this.#byTitle.set(normaliseTitle(title), id)
      this.#ordered = null
      try {
        await this.#catalog.write()
      } catch (e) {
        this.#byTitle.delete(normaliseTitle(title))
        Object.assign(record, previous)
        this.#byTitle.set(normaliseTitle(record.title), id)
        if (body) await this.#writeBody(body).catch(() => {})
        throw e
      }
      this.#backUpEveryInterval(CATALOG_FILE)
      return this.#summaryOf(record)
    })
  }

  // -- internals -------------------------------------------------------------

  /** Checked when a change is asked for; a change already queued when close() is called still runs. */
  #assertWritable(): void {
    if (this.#closing) throw new AppError('INTERNAL', `The archive in ${this.dir} is closed`)
    this.#assertLockHeld()
  }

  /** Checked again just before saving: another process may have taken over a frozen one's lock. */
  #assertLockHeld(): void {
    if (this.readOnly) throw new AppError('INTERNAL', `The archive in ${this.dir} was opened read-only`)
    if (this.#lock?.lost) {
      throw new AppError('ARCHIVE_LOCKED', `The archive in ${this.dir} was taken over by another Warta window or command`, { dir: this.dir, pid: 0 })
    }
  }

  #record(id: string): ArticleRecord {
    const record = this.#byId.get(id)
    if (!record) throw new AppError('NOT_FOUND', `No article ${id} in the archive`, { id })
    return record
  }

  #summaryOf(record: ArticleRecord): ArticleSummary {
    return {
      id: record.id,
      title: record.title,
      language: record.language,
      dateline: record.dateline,
      publishedAt: record.publishedAt,
      savedAt: record.savedAt,
      bookmarked: record.id in this.#state.data.bookmarks,
      read: record.id in this.#state.data.read,
    }
  }

  #index(record: ArticleRecord): void {
    this.#byId.set(record.id, record)
    this.#byHash.set(record.contentHash, record.id)
    this.#byTitle.set(normaliseTitle(record.title), record.id)
    this.#ordered = null
  }

  #unindex(record: ArticleRecord): void {
    this.#byId.delete(record.id)
    this.#byHash.delete(record.contentHash)
    if (this.#byTitle.get(normaliseTitle(record.title)) === record.id) this.#byTitle.delete(normaliseTitle(record.title))
    this.#ordered = null
  }

  #orderedRecords(): ArticleRecord[] {
    if (!this.#ordered) {
      // Newest story first: its publication date when known, else when it was saved.
      const key = (r: ArticleRecord): string => new Date(r.publishedAt ?? r.savedAt).toISOString()
      this.#ordered = [...this.#byId.values()]
        .map((r) => ({ r, k: key(r) }))
        .sort((a, b) => (a.k < b.k ? 1 : a.k > b.k ? -1 : a.r.savedAt < b.r.savedAt ? 1 : a.r.savedAt > b.r.savedAt ? -1 : a.r.id < b.r.id ? -1 : 1))
        .map(({ r }) => r)
    }
    return this.#ordered
  }

  /**
   * Applies a change to the state file and saves it; if the save fails the change is undone
   * in memory too, so nothing is shown as saved that is not. `change` returns its undo, or
   * null when there is nothing to change (and nothing is written).
   */
  async #changeState(change: (s: StateFile) => (() => void) | null): Promise<void> {
    this.#assertWritable()
    await this.#stateQueue.run(async () => {
      this.#assertLockHeld()
      const undo = change(this.#state.data)
      if (!undo) return
      try {
        await this.#state.write()
      } catch (e) {
        undo()
        throw e
      }
      this.#backUpEveryInterval(STATE_FILE)
    })
  }

  async #readBody(record: ArticleRecord): Promise<BodyFile> {
    const path = bodyPath(this.dir, record.id)
    let body: BodyFile | null
    try {
      body = await readBody(this.dir, record.id, record)
    } catch (e) {
      if (!(e instanceof CorruptFileError)) throw e
      let keptAs = ''
      if (!this.readOnly) {
        try {
          const event = await setAside(this.dir, path, e.reason, this.#now())
          this.recoveryEvents.push(event)
          keptAs = `; it was kept as ${event.movedTo}`
        } catch {
          // Moved by a concurrent read, or the disk refused: it is reported damaged either way.
        }
      }
      throw new AppError('ARCHIVE_CORRUPT', `The text of "${record.title}" is damaged (${e.reason})${keptAs}`, { file: archivePath(this.dir, path) }, { cause: e })
    }
    if (!body) throw new AppError('ARCHIVE_CORRUPT', `The text of "${record.title}" is missing from the archive`, { file: archivePath(this.dir, path) })
    return body
  }

  async #writeBody(body: BodyFile): Promise<void> {
    const path = bodyPath(this.dir, body.id)
    const shard = dirname(path)
    if (!this.#sweptShards.has(shard)) {
      this.#sweptShards.add(shard)
      await sweepTempFiles(shard)
    }
    await writeFileDurably(path, JSON.stringify(body), this.#fs)
  }

  /** After open resolves, so the first page is not kept waiting: copy both files unless already backed up. */
  #backUpAfterOpen(): void {
    const at = this.#now()
    for (const file of [CATALOG_FILE, STATE_FILE]) {
      this.#lastBackupAt.set(file, at.getTime())
      this.#inBackground(() => takeBackupIfChanged(this.dir, file, at))
    }
  }

  /** While writing, a fresh backup at most once per interval. */
  #backUpEveryInterval(file: string): void {
    const at = this.#now()
    if (at.getTime() - (this.#lastBackupAt.get(file) ?? 0) < this.#backupIntervalMs) return
    this.#lastBackupAt.set(file, at.getTime())
    this.#inBackground(() => takeBackupIfChanged(this.dir, file, at))
  }

  #inBackground(task: () => Promise<unknown>): void {
    const run: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
      .then(task)
      .then(
        () => {},
        (e: unknown) => this.#log(`warta: background work on the archive in ${this.dir} failed`, e),
      )
      .finally(() => this.#background.delete(run))
    this.#background.add(run)
  }
}

export const openArchive = (dir: string, options?: ArchiveOptions): Promise<Archive> => Archive.open(dir, options)
