// The local archive: a catalogue of article metadata, one body file per article, and a
// small state file for what changes often. Laid out so a bookmark never rewrites bodies
// or the catalogue, and an import never rewrites other articles' bodies; changes to the
// catalogue and to bookmarks and read marks are appended to a journal beside each file rather
// than rewriting it (journal.ts). One process writes
// an archive at a time (archiveLock.ts); damaged files are repaired on open (recovery.ts);
// every save is durable before it is reported done, and a failed save is undone in memory.
import { createHash } from 'node:crypto'
import { readdir, rm, stat, unlink } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { Low } from 'lowdb'
import type { AnnotationRecord, Article, ArticleSummary, Language, Output } from '../../../preload/contract'
import { countAnnotations, type AnnotationCount } from '../annotations/annotationList'
import type { AnnotationChange, AnnotationHost } from '../annotations/annotationService'
import { hasNote } from '../annotations/model'
import { AppError } from '../errors'
import { toNFC } from '../nfc'
import { ArchiveLock, type LockOptions } from './archiveLock'
import { archivePath, AtomicJsonFile, CorruptFileError, realFs, sweepTempFiles, writeFileDurably, writeFilesDurably, type FsOps } from './atomicJsonFile'
import { backupsDir, takeBackupIfChanged } from './backups'
import { recordWithVersion, versionOf, type WebArticleFields } from './articleVersions'
import { ARTICLES_DIR, bodyPath, MEDIA_DIR, readBody } from './bodyFiles'
import { bodiesInPack, listPacks, newPackName, packPath, packText, readPack } from './bodyPacks'
import { firstPageQuery, writeFirstPage } from './firstPage'
import { Journal, journalPathOf } from './journal'
import { catalogKind, stateKind, upgrade } from './migrations'
import {
  annotationChangeOf,
  BODY_VERSION,
  originOf,
  type ArticleContent,
  type ArticleRecord,
  type BodyFile,
  type CatalogChange,
  type CatalogFile,
  type StateChange,
  type StateFile,
} from './records'
import { CATALOG_FILE, loadArchiveFiles, setAside, STATE_FILE, type LoadedFiles, type RecoveryEvent } from './recovery'
import { RecoveryNotices } from './recoveryNotices'
import { SerialQueue } from './serialQueue'
import { StoryIndex, storyFactsOfRecord } from './storyIndex'
import { LibraryListing, sourceKey, type LibrarySort } from '../search/libraryListing'
import type { StoryFacts } from '../web/storyKey'
import { normaliseTitle } from './titles'

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
  /** Set for an article from the web (a fetched page, a saved .html file, a feed item). */
  web?: WebArticleFields | undefined
}

export type { WebArticleFields } from './articleVersions'

/**
 * 'newVersion': the same story (address, feed item, or day + place + title) was archived with
 * other text; the article keeps its id and shows the new text, its earlier versions kept.
 */
export type AddStatus = 'imported' | 'duplicate' | 'newVersion'
export type AddOutcome = { status: AddStatus; article: ArticleSummary }

/** A body this batch writes: a new article's, or an archived one's with a version added. */
interface PendingBody {
  record: ArticleRecord
  body: BodyFile
  /** The body as it was on disk, to put back if the batch fails; null for a new article (or a damaged body). */
  before: BodyFile | null
  fresh: boolean
}

export type LibraryPage = Output<'listArticles'>

export interface ListQuery {
  /** 'annotated': articles with at least one highlight or note. */
  filter: 'all' | 'bookmarked' | 'annotated'
  /** 'published' (default): newest story first, published else saved; 'saved': newest saved first; 'title': A to Z. */
  sort?: 'published' | 'saved' | 'title'
  language?: Language
  /** An agency, matched as `source:` matches it ("antara" matches "ANTARA News"). */
  source?: string
  /** true: only articles never opened; false: only opened ones. */
  unread?: boolean
  /** Only the articles this feed subscription brought. */
  feedId?: string
  offset: number
  limit: number
}

/**
 * What changed, for whoever keeps data derived from the archive (the search index follows it
 * through onChange). Every change to articles or their flags is announced after it is saved:
 * a new way of adding, changing or removing articles must emit here too.
 */
export type ArchiveChange =
  /** Added, or their text or metadata changed (a new version, a rename). */
  | { kind: 'articles'; ids: string[] }
  | { kind: 'removed'; ids: string[] }
  | { kind: 'flags'; id: string; bookmarked?: boolean; read?: boolean }

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
  /** A journal is folded into its file once it is at least this big (bytes) and an eighth of the file; 256 KiB by default. */
  checkpointBytes?: number
  /** Where failures of background work (backups) go; they never fail a call. */
  log?: (message: string, error: unknown) => void
}

const HOUR_MS = 60 * 60 * 1000
/** Where failures of background work go unless the host says otherwise. */
const warn = (message: string, error: unknown): void => console.warn(message, error)
/** A journal is folded into its file when it reaches an eighth of the file's size, or this. */
const CHECKPOINT_MIN_BYTES = 256 * 1024

export { normaliseTitle }

/** Any whitespace but a single space between words: the only text the hash has to respace. */
const LOOSE_SPACING = /[^\S ]| {2}|^ | $/
/** The lookups are built this long after open, in slices of this many articles (see #warmUp). */
const WARM_UP_DELAY_MS = 1500
const WARM_UP_SLICE = 500
/** An import with this many new articles stores their bodies in one pack (bodyPacks.ts). */
const MIN_PACKED = 2

/** Same words in the same order → same hash, whatever the line endings or spacing of the file. */
export function contentHashOf(article: Pick<NewArticle, 'title' | 'titleDerived' | 'paragraphs'>): string {
  const text = [article.titleDerived ? '' : article.title, ...article.paragraphs]
    .map((s) => {
      // Parsed text is already spaced: most lines skip the respacing.
      const nfc = toNFC(s)
      return LOOSE_SPACING.test(nfc) ? nfc.replace(/\s+/g, ' ').trim() : nfc
    })
    .join('\n')
  return createHash('sha256').update(text).digest('hex')
}

interface ArchiveParts {
  dir: string
  catalog: CatalogFile
  state: StateFile
  events: RecoveryEvent[]
  notices: RecoveryNotices
  journals: LoadedFiles['journals']
  onDisk: { catalog: boolean; state: boolean; catalogBytes: number; stateBytes: number }
  lock: ArchiveLock | null
  fs: FsOps
  options: ArchiveOptions
}

export class Archive implements AnnotationHost {
  readonly dir: string
  readonly readOnly: boolean
  /**
   * What this open repaired: damaged or missing files found while opening, and bodies found
   * damaged since. The host tells the user what `recoveryReport` holds (see recoveryNotice for the words).
   */
  readonly recoveryEvents: RecoveryEvent[]
  /** Repairs not yet dismissed, this run's and those left by earlier ones (the command line's too). */
  readonly #notices: RecoveryNotices
  readonly #catalog: Low<CatalogFile>
  readonly #state: Low<StateFile>
  readonly #catalogFile: AtomicJsonFile<CatalogFile>
  /** Changes since catalog.json and state.json were last written whole (journal.ts). */
  readonly #catalogJournal: Journal
  readonly #stateJournal: Journal
  readonly #stateFile: AtomicJsonFile<StateFile>
  readonly #lock: ArchiveLock | null
  readonly #fs: FsOps
  readonly #now: () => Date
  readonly #log: (message: string, error: unknown) => void
  readonly #backupIntervalMs: number
  readonly #checkpointBytes: number
  /** Whether catalog.json and state.json exist (a journal is only ever kept beside its file), and their sizes. */
  readonly #onDisk: { catalog: boolean; state: boolean; catalogBytes: number; stateBytes: number }
  readonly #catalogQueue = new SerialQueue()
  readonly #stateQueue = new SerialQueue()
  readonly #background = new Set<Promise<void>>()
  readonly #lastBackupAt = new Map<string, number>()
  /** Body directories already cleared of temp files left by a crash, this session. */
  readonly #sweptShards = new Set<string>()
  /** Id → catalogue entry; built when first needed, after the first page (100,000 entries take a while). */
  #byId: Map<string, ArticleRecord> | null = null
  /** Content hash → article, for finding duplicates; built on the first import (not on open). */
  #byHash: Map<string, string> | null = null
  /** Loose title → article, for related links; built when first asked (not on open). */
  #byTitle: Map<string, string> | null = null
  /** The catalogue in each sort order (libraryListing.ts); rebuilt lazily after the catalogue changes. */
  #ordered: LibraryListing<ArticleRecord> | null = null
  /** Bumped by every change of the catalogue in memory, so a warm-up that straddles one is dropped. */
  #generation = 0
  /** Bumped by every change of the state file, so a filtered list is walked again only then. */
  #stateVersion = 0
  readonly #listeners = new Set<(change: ArchiveChange) => void>()
  /** Story keys → article; built lazily (see #storyIndex). */
  #stories: StoryIndex | null = null
  /** Highlights and notes per article; rebuilt lazily after the annotations change. */
  #annotationCounts: Map<string, AnnotationCount> | null = null
  #closing: Promise<void> | null = null
  /** Ends the wait before the warm-up (see #warmUpLater): it then runs at once, unless the archive is closing. */
  #endWarmUpDelay: (() => void) | null = null

  private constructor(parts: ArchiveParts) {
    const { dir, options } = parts
    this.dir = dir
    this.readOnly = options.readOnly ?? false
    this.recoveryEvents = parts.events
    this.#notices = parts.notices
    this.#lock = parts.lock
    this.#fs = parts.fs
    this.#now = options.now ?? (() => new Date())
    this.#log = options.log ?? warn
    this.#backupIntervalMs = options.backupIntervalMs ?? HOUR_MS
    this.#checkpointBytes = options.checkpointBytes ?? CHECKPOINT_MIN_BYTES
    this.#onDisk = parts.onDisk
    const catalogPath = join(dir, CATALOG_FILE)
    const statePath = join(dir, STATE_FILE)
    this.#catalogFile = new AtomicJsonFile(catalogPath, {
      decode: (json) => upgrade(catalogKind, json, catalogPath, CATALOG_FILE, undefined).data,
      fs: parts.fs,
    })
    this.#stateFile = new AtomicJsonFile(statePath, {
      decode: (json) => upgrade(stateKind, json, statePath, STATE_FILE, undefined).data,
      fs: parts.fs,
    })
    this.#catalog = new Low(this.#catalogFile, parts.catalog)
    this.#state = new Low(this.#stateFile, parts.state)
    this.#catalogJournal = new Journal(journalPathOf(catalogPath), parts.fs, parts.journals.catalog)
    this.#stateJournal = new Journal(journalPathOf(statePath), parts.fs, parts.journals.state)
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
      const { catalog, state, events, journals } = await loadArchiveFiles(dir, { now: now(), readOnly, fs })
      const notices = await RecoveryNotices.load(dir, { persist: lock !== null, fs, log: options.log ?? warn })
      await notices.add(events)
      const [catalogStat, stateStat] = await Promise.all([CATALOG_FILE, STATE_FILE].map((f) => stat(join(dir, f)).catch(() => null)))
      const onDisk = { catalog: Boolean(catalogStat), state: Boolean(stateStat), catalogBytes: catalogStat?.size ?? 0, stateBytes: stateStat?.size ?? 0 }
      const archive = new Archive({ dir, catalog, state, events, notices, journals, onDisk, lock, fs, options })
      if (lock) archive.#backUpAfterOpen()
      archive.#warmUpLater()
      return archive
    } catch (e) {
      await lock?.release()
      throw e
    }
  }

  /**
   * Finishes pending saves, folds each journal that has grown to an eighth of its file into it
   * (a smaller one costs less to replay on the next open than the file costs to write: 36 MB at
   * 100,000 articles), waits for background backups, then releases the lock. Safe to call twice.
   */
  close(): Promise<void> {
    this.#endWarmUpDelay?.()
    this.#closing ??= (async () => {
      await Promise.all([this.#catalogQueue.idle(), this.#stateQueue.idle()])
      if (!this.readOnly) {
        const worth = (journal: Journal, fileBytes: number): boolean => journal.bytes > 0 && journal.bytes >= fileBytes / 8
        await Promise.all([
          worth(this.#catalogJournal, this.#catalogFile.lastWrittenLength || this.#onDisk.catalogBytes) ? this.#catalogQueue.run(() => this.#checkpointCatalog()) : null,
          worth(this.#stateJournal, this.#stateFile.lastWrittenLength || this.#onDisk.stateBytes) ? this.#stateQueue.run(() => this.#checkpointState()) : null,
        ])
      }
      await Promise.all([this.#catalogFile.flush(), this.#stateFile.flush()])
      while (this.#background.size > 0) await Promise.all(this.#background)
      await this.#notices.settled()
      // Last, once nothing else writes: the next window shows this page while the catalogue loads.
      if (!this.readOnly && !this.#lock?.lost) {
        await writeFirstPage(this.dir, { language: this.language, page: this.libraryPage(firstPageQuery) }, this.#fs).catch((e: unknown) =>
          this.#log('warta: could not keep the first page for the next start', e),
        )
      }
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
    return this.#catalog.data.articles.length
  }

  get bookmarkedCount(): number {
    return Object.keys(this.#state.data.bookmarks).length
  }

  has(id: string): boolean {
    return this.#ids().has(id)
  }

  summary(id: string): ArticleSummary {
    return this.#summaryOf(this.#record(id))
  }

  /** A page of the library with the counts the window shows beside it (listArticles). */
  libraryPage(query: ListQuery): LibraryPage {
    return { ...this.list(query), archiveTotal: this.size, bookmarkedTotal: this.bookmarkedCount, annotatedTotal: this.annotatedCount }
  }

  list(query: ListQuery): { items: ArticleSummary[]; total: number } {
    const state = this.#state.data
    const counts = this.#counts()
    const sorts: Record<NonNullable<ListQuery['sort']>, LibrarySort> = { published: 'newest', saved: 'savedNewest', title: 'title' }
    const source = query.source === undefined ? undefined : sourceKey(query.source)
    const { items, total } = this.#orderedRecords().page(
      {
        sort: sorts[query.sort ?? 'published'],
        filter: {
          bookmarked: query.filter === 'bookmarked' ? true : undefined,
          annotated: query.filter === 'annotated' ? true : undefined,
          language: query.language,
          read: query.unread === undefined ? undefined : !query.unread,
          // A source with no letters or digits matches nothing rather than everything.
          source: source === undefined ? undefined : source || '\u0000',
          feedId: query.feedId,
        },
        offset: query.offset,
        limit: query.limit,
      },
      {
        isBookmarked: (id) => id in state.bookmarks,
        isRead: (id) => id in state.read,
        hasNote: (id) => (counts.get(id)?.notes ?? 0) > 0,
        annotationCounts: (id) => counts.get(id) ?? { highlights: 0, notes: 0 },
      },
      this.#stateVersion,
    )
    return { items: items.map((r) => this.#summaryOf(r)), total }
  }

  /** The agencies of the archive with how many articles each, most first. */
  sources(): { name: string; count: number }[] {
    return this.#orderedRecords().sources()
  }

  /**
   * Resolves once the work started in the background after opening has finished: the rolling
   * backups and the warm-up of the lookups (a benchmark waits for it before timing saves).
   */
  async settled(): Promise<void> {
    // Whoever waits for it wants it done: the warm-up does not wait out its delay, whose timer
    // keeps no process alive (a script awaiting this would otherwise just end, exit code 13).
    this.#endWarmUpDelay?.()
    while (this.#background.size > 0) await Promise.all(this.#background)
  }

  /** Repairs not yet dismissed, oldest first, and how many there have been (what `dismissRecovery` takes). */
  recoveryReport(): { events: RecoveryEvent[]; seen: number } {
    return this.#notices.report()
  }

  /** The reader saw the first `seen` repairs: they are not told again, in this run or the next. */
  async dismissRecovery(seen: number): Promise<{ remaining: number }> {
    const { remaining, saved } = this.#notices.dismiss(seen)
    await saved
    return { remaining }
  }

  /** Hears every saved change to articles and their flags (see ArchiveChange); returns how to stop. */
  onChange(listener: (change: ArchiveChange) => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /**
   * The whole article, as its newest version or as version `versionIndex` (0 = first saved);
   * AppError ARCHIVE_CORRUPT when its body file is damaged or missing (others are unaffected).
   */
  async getArticle(id: string, versionIndex?: number): Promise<Article> {
    const record = this.#record(id)
    const body = await this.#readBody(record)
    const newest = body.versions.length - 1
    const index = versionIndex ?? newest
    const current = body.versions[index]
    if (!current) throw new AppError('NOT_FOUND', `Article ${id} has no version ${index}`, { id })
    // An earlier version is shown as it was; the newest under the user's title if renamed.
    const asItWas = index === newest ? {} : { title: current.title, language: current.language, dateline: current.dateline, publishedAt: current.publishedAt }
    const resolve = (title: string): string | null => {
      const found = this.findByTitle(title)
      return found === id ? null : found
    }
    return {
      ...this.#summaryOf(record),
      ...asItWas,
      titleEdited: record.titleEdited,
      titleDerived: index === newest ? record.titleDerived : current.titleDerived,
      paragraphs: current.paragraphs,
      inlineRelated: current.inlineRelated.map((r) => ({ ...r, articleId: resolve(r.title) })),
      related: current.related.map((r) => ({ ...r, articleId: resolve(r.title) })),
      credits: current.credits,
      html: current.html,
      url: current.url,
      byline: current.byline,
      siteName: current.siteName,
      versionIndex: index,
      versionCount: body.versions.length,
    }
  }

  /** Every saved version of an article, oldest first. */
  async listVersions(id: string): Promise<{ index: number; savedAt: string; title: string; paragraphCount: number; current: boolean }[]> {
    const body = await this.#readBody(this.#record(id))
    return body.versions.map((v, index) => ({
      index,
      savedAt: v.savedAt,
      title: v.title,
      paragraphCount: v.paragraphs.length,
      current: index === body.versions.length - 1,
    }))
  }

  /** The pack holding an article's body (bodyPacks.ts), for readers of bodies outside the archive; undefined for its own file. */
  packOf(id: string): string | undefined {
    return this.#ids().get(id)?.pack
  }

  /** The archived article any of these story keys (storyKey.ts) names, or null. */
  findStory(keys: readonly string[]): string | null {
    const stories = this.#storyIndex()
    for (const key of keys) {
      const id = stories.idOf(key)
      if (id && this.#ids().has(id)) return id
    }
    return null
  }

  /** The articles a feed brought, for its retention rule. */
  articlesOfFeed(feedId: string): { articleId: string; savedAt: string; publishedAt: string | null }[] {
    const found: { articleId: string; savedAt: string; publishedAt: string | null }[] = []
    for (const r of this.#ids().values()) if (r.feedId === feedId) found.push({ articleId: r.id, savedAt: r.savedAt, publishedAt: r.publishedAt })
    return found
  }

  /** How many articles each feed brought that are still in the archive. */
  feedArticleCounts(): Map<string, number> {
    const counts = new Map<string, number>()
    for (const r of this.#ids().values()) if (r.feedId) counts.set(r.feedId, (counts.get(r.feedId) ?? 0) + 1)
    return counts
  }

  /** Bookmarked or annotated: such an article is never removed by a retention rule or an unsubscribe. */
  isKept(id: string): boolean {
    return id in this.#state.data.bookmarks || this.#counts().has(id)
  }

  /**
   * What addArticles would do with this article now — and under which id — without changing
   * anything: lets an importer store a web article's images under the id before adding it.
   */
  async planArticle(article: NewArticle): Promise<{ status: AddStatus; id: string }> {
    const decision = await this.#decide(article, contentHashOf(article), new Map(), new Map())
    return { status: decision.status, id: decision.id }
  }

  /** The id of an archived article whose title matches, for related links. */
  findByTitle(title: string): string | null {
    return this.#titles().get(normaliseTitle(title)) ?? null
  }

  // -- writing ---------------------------------------------------------------

  /**
   * Adds a batch of articles with one catalogue save. Texts already in the archive (or
   * repeated within the batch) come back as duplicates and change nothing. A story already
   * archived with other text (same address, feed item, or day + place + title; storyKey.ts)
   * becomes its newest version. If any save fails, none of the batch is added (AppError
   * WRITE_FAILED): no new body is left behind and changed bodies are put back.
   */
  async addArticles(articles: NewArticle[]): Promise<AddOutcome[]> {
    this.#assertWritable()
    return this.#catalogQueue.run(async () => {
      this.#assertLockHeld()
      const savedAt = this.#now().toISOString()
      const stories = this.#storyIndex()
      const pending = new Map<string, PendingBody>()
      const inBatch = new Map<string, string>()
      const results: { status: AddStatus; id: string }[] = []
      const addedKeys: string[] = []
      for (const article of articles) {
        const contentHash = contentHashOf(article)
        const decision = await this.#decide(article, contentHash, pending, inBatch)
        results.push({ status: decision.status, id: decision.id })
        if (decision.status === 'duplicate') continue
        const version = versionOf(article, contentHash, savedAt)
        const entry = decision.entry ?? this.#newBody(decision.id, version)
        if (decision.entry) {
          entry.body.versions.push(version)
          entry.record = recordWithVersion(entry.record, version)
        }
        pending.set(decision.id, entry)
        inBatch.set(contentHash, decision.id)
        addedKeys.push(...stories.add(decision.id, storyFactsOf(article)))
      }
      const entries = [...pending.values()]
      const outcomes = (): AddOutcome[] => results.map(({ status, id }) => ({ status, article: this.summary(id) }))
      if (entries.length === 0) return outcomes()

      // Bodies first: an article is listed (or shows its new text) only once it is safely on disk.
      // New ones go into one pack; a body written again leaves its pack for a file of its own.
      const savedPaths: string[] = []
      const replaced: { live: ArticleRecord; before: ArticleRecord }[] = []
      const fresh = entries.filter((e) => e.fresh).map((e) => e.record)
      const pack = fresh.length >= MIN_PACKED ? newPackName(this.#now()) : null
      const packed = pack ? entries.filter((e) => e.fresh) : []
      const ownFiles = pack ? entries.filter((e) => !e.fresh) : entries
      if (pack) for (const entry of packed) entry.record.pack = pack
      const leftPacks = ownFiles.flatMap((e) => (e.record.pack ? [e.record.pack] : []))
      const packedBefore = new Set(ownFiles.flatMap((e) => (e.record.pack ? [e.record.id] : [])))
      for (const entry of ownFiles) delete entry.record.pack
      let listed = false
      try {
        // Both settle before a failure is handled, so no write lands after it was undone.
        const writes = await Promise.allSettled([
          pack && this.#writePack(pack, packed.map((e) => e.body)),
          this.#writeBodies(ownFiles.map((e) => e.body), savedPaths),
        ])
        for (const write of writes) if (write.status === 'rejected') throw write.reason
        this.#catalog.data.articles.push(...fresh)
        for (const record of fresh) this.#index(record)
        for (const entry of entries) {
          if (entry.fresh) continue
          const live = this.#record(entry.record.id)
          replaced.push({ live, before: { ...live } })
          this.#replaceRecord(live, entry.record)
        }
        listed = true
        await this.#commitCatalog({ put: entries.map((e) => this.#record(e.record.id)) })
      } catch (e) {
        // Not on disk, so not in the archive: forget them rather than show unsaved articles.
        if (listed) {
          const ids = new Set(fresh.map((r) => r.id))
          this.#catalog.data.articles = this.#catalog.data.articles.filter((r) => !ids.has(r.id))
          for (const record of fresh) this.#unindex(record)
          for (const { live, before } of replaced) this.#replaceRecord(live, before)
        }
        stories.forgetKeys(addedKeys)
        const saved = new Set(savedPaths)
        const written = ownFiles.filter((w) => saved.has(bodyPath(this.dir, w.body.id)))
        await Promise.all([
          ...written.map((w) =>
            (w.before && !packedBefore.has(w.body.id) ? this.#writeBody(w.before) : unlink(bodyPath(this.dir, w.body.id))).catch(() => {}),
          ),
          pack ? unlink(packPath(this.dir, pack)).catch(() => {}) : null,
        ])
        throw e
      }
      await this.#tidyPacks(leftPacks)
      this.#backUpEveryInterval(CATALOG_FILE)
      this.#emit({ kind: 'articles', ids: entries.map((e) => e.record.id) })
      return outcomes()
    })
  }

  /**
   * Removes articles for good: their catalogue entries in one save, then their body files and
   * images. Unknown ids are ignored; returns the ids removed. Callers decide what may go
   * (retention and unsubscribing keep bookmarked and annotated articles, see isKept).
   */
  async removeArticles(ids: readonly string[]): Promise<string[]> {
    this.#assertWritable()
    return this.#catalogQueue.run(async () => {
      this.#assertLockHeld()
      const gone = new Set(ids.filter((id) => this.#ids().has(id)))
      if (gone.size === 0) return []
      const records = [...gone].map((id) => this.#record(id))
      const previous = this.#catalog.data.articles
      this.#catalog.data.articles = previous.filter((r) => !gone.has(r.id))
      for (const record of records) this.#unindex(record)
      try {
        await this.#commitCatalog({ remove: [...gone] })
      } catch (e) {
        this.#catalog.data.articles = previous
        for (const record of records) this.#index(record)
        throw e
      }
      this.#stories?.remove(gone)
      // Files after the catalogue: a crash in between leaves only files no list points at.
      await Promise.all([
        ...records.flatMap((r) => [
          unlink(bodyPath(this.dir, r.id)).catch(() => {}),
          rm(join(this.dir, MEDIA_DIR, r.id), { recursive: true, force: true }).catch(() => {}),
        ]),
        this.#tidyPacks(records.flatMap((r) => (r.pack ? [r.pack] : []))),
      ])
      this.#backUpEveryInterval(CATALOG_FILE)
      this.#emit({ kind: 'removed', ids: [...gone] })
      return [...gone]
    })
  }

  async setBookmark(id: string, bookmarked: boolean): Promise<boolean> {
    this.#record(id)
    await this.#journalStateChange((s) => {
      const previous = s.bookmarks[id]
      if (bookmarked === (previous !== undefined)) return null
      const at = this.#now().toISOString()
      if (bookmarked) s.bookmarks[id] = at
      else delete s.bookmarks[id]
      return {
        entry: { bookmarks: { [id]: bookmarked ? at : null } },
        undo: () => {
          if (previous) s.bookmarks[id] = previous
          else delete s.bookmarks[id]
        },
      }
    })
    this.#emit({ kind: 'flags', id, bookmarked })
    return bookmarked
  }

  /** Marks an article as opened; only the first opening is recorded. */
  async markRead(id: string): Promise<void> {
    this.#record(id)
    let changed = false
    await this.#journalStateChange((s) => {
      if (id in s.read) return null
      const at = this.#now().toISOString()
      s.read[id] = at
      changed = true
      return { entry: { read: { [id]: at } }, undo: () => delete s.read[id] }
    })
    if (changed) this.#emit({ kind: 'flags', id, read: true })
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
      // The renamed body is a file of its own now; its old copy leaves the pack once this is saved.
      const previous = { title: record.title, titleEdited: record.titleEdited, pack: record.pack }
      this.#byTitle?.delete(normaliseTitle(record.title))
      record.title = title
      record.titleEdited = true
      if (body) delete record.pack
      this.#byTitle?.set(normaliseTitle(title), id)
      this.#ordered = null
    this.#generation++
      try {
        await this.#commitCatalog({ put: [record] })
      } catch (e) {
        this.#byTitle?.delete(normaliseTitle(title))
        Object.assign(record, previous)
        if (previous.pack === undefined) delete record.pack
        this.#byTitle?.set(normaliseTitle(record.title), id)
        if (body) await (previous.pack ? unlink(bodyPath(this.dir, id)) : this.#writeBody(body)).catch(() => {})
        throw e
      }
      if (body && previous.pack) await this.#tidyPacks([previous.pack])
      this.#backUpEveryInterval(CATALOG_FILE)
      this.#emit({ kind: 'articles', ids: [id] })
      return this.#summaryOf(record)
    })
  }

  // -- annotations (the AnnotationHost of main/core/annotations) --------------

  /** Highlights and notes, in the order they were made; they live in the small state file. */
  get annotations(): readonly AnnotationRecord[] {
    return this.#state.data.annotations
  }

  /** Articles in the archive with at least one highlight or note. */
  get annotatedCount(): number {
    let n = 0
    for (const id of this.#counts().keys()) if (this.#ids().has(id)) n++
    return n
  }

  /** The content hash of the article's current version: what a new highlight is made on. */
  contentHash(id: string): string {
    return this.#record(id).contentHash
  }

  /** The notes written on an article, for the search index. */
  notesOf(id: string): string[] {
    if (!this.#counts().get(id)?.notes) return []
    return this.#state.data.annotations.filter((a) => a.articleId === id && hasNote(a)).map((a) => a.note)
  }

  /** One journal entry of the records that changed (never the catalogue or a body); undone in memory if it fails. */
  async changeAnnotations(change: AnnotationChange): Promise<void> {
    await this.#journalStateChange((s) => {
      const after = change.apply(s.annotations)
      const entry = annotationChangeOf(s.annotations, after)
      if (!entry) return null
      s.annotations = after
      this.#annotationCounts = null
      return {
        entry,
        undo: () => {
          s.annotations = change.revert(s.annotations)
          this.#annotationCounts = null
        },
      }
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
    const record = this.#ids().get(id)
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
      annotationCount: this.#counts().get(record.id)?.highlights ?? 0,
      noteCount: this.#counts().get(record.id)?.notes ?? 0,
    }
  }

  #counts(): Map<string, AnnotationCount> {
    this.#annotationCounts ??= countAnnotations(this.#state.data.annotations)
    return this.#annotationCounts
  }

  /** Built on the first import of a session, not on open: opening stays fast at 100,000 articles. */
  /**
   * Builds the lookups by id, text, title and story a little while after open, a slice at a
   * time, so neither the first page waits for them nor the first import or opened article
   * (about a second at 100,000 articles). Anything that needs one sooner builds it at once.
   */
  #warmUpLater(): void {
    const waited = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, WARM_UP_DELAY_MS)
      timer.unref?.()
      this.#endWarmUpDelay = () => {
        clearTimeout(timer)
        resolve()
      }
    })
    this.#inBackground(async () => {
      await waited
      if (!this.#closing) await this.#warmUp()
      if (this.#lock && !this.#closing) {
        await this.#sweepAllShards()
        await this.#catalogQueue.run(() => this.#sweepOrphanPacks())
      }
    })
  }

  async #warmUp(): Promise<void> {
    const records = this.#catalog.data.articles
    const generation = this.#generation
    // Only what no call has needed (and built) yet.
    const ids = this.#byId ? null : new Map<string, ArticleRecord>()
    const hashes = this.#byHash ? null : new Map<string, string>()
    const titles = this.#byTitle ? null : new Map<string, string>()
    const stories = this.#stories ? null : new StoryIndex()
    if (!ids && !hashes && !titles && !stories) return
    for (let start = 0; start < records.length; start += WARM_UP_SLICE) {
      for (const r of records.slice(start, start + WARM_UP_SLICE)) {
        ids?.set(r.id, r)
        hashes?.set(r.contentHash, r.id)
        titles?.set(normaliseTitle(r.title), r.id)
        stories?.add(r.id, storyFactsOfRecord(r))
      }
      await new Promise<void>((resolve) => setImmediate(resolve))
      // Changed meanwhile: what was built may be out of date; the lookups are built when needed.
      if (this.#closing || generation !== this.#generation) return
    }
    this.#byId ??= ids
    this.#byHash ??= hashes
    this.#byTitle ??= titles
    this.#stories ??= stories
  }

  /** Deletes packs no catalogue entry names: a crash between writing one and listing its articles. */
  async #sweepOrphanPacks(): Promise<void> {
    if (this.#closing) return
    await this.#dropUnreferencedPacks(await listPacks(this.dir).catch(() => []))
  }

  /** Clears every body directory of temp files a crash left, so an import does not stop to do it. */
  async #sweepAllShards(): Promise<void> {
    const root = join(this.dir, ARTICLES_DIR)
    const shards = await readdir(root).catch(() => [])
    for (const shard of shards) {
      if (this.#closing) return
      await this.#sweepShard(join(root, shard)).catch(() => {})
    }
  }

  #storyIndex(): StoryIndex {
    this.#stories ??= StoryIndex.build(this.#ids().values())
    return this.#stories
  }

  /**
   * What to do with an incoming article: a duplicate of an article (same story and text, or
   * the same text anywhere), a new version of an archived or in-batch story, or a new
   * article under a free id. Reads the matched story's body to know all its versions' texts.
   */
  async #decide(
    article: NewArticle,
    contentHash: string,
    pending: ReadonlyMap<string, PendingBody>,
    inBatch: ReadonlyMap<string, string>,
  ): Promise<{ status: AddStatus; id: string; entry?: PendingBody }> {
    const storyId = this.#storyIndex().find(storyFactsOf(article))
    if (storyId && (pending.has(storyId) || this.#ids().has(storyId))) {
      const entry = pending.get(storyId) ?? (await this.#bodyToExtend(storyId))
      if (entry.body.versions.some((v) => v.contentHash === contentHash)) return { status: 'duplicate', id: storyId }
      return { status: 'newVersion', id: storyId, entry }
    }
    const same = inBatch.get(contentHash) ?? this.#hashes().get(contentHash)
    if (same && (pending.has(same) || this.#ids().has(same))) return { status: 'duplicate', id: same }
    return { status: 'imported', id: this.#freeId(contentHash, pending) }
  }

  /** An archived article's body, copied, ready for a new version. A damaged body is replaced by the new text. */
  async #bodyToExtend(id: string): Promise<PendingBody> {
    const record = this.#record(id)
    let before: BodyFile | null = null
    try {
      before = await this.#readBody(record)
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'ARCHIVE_CORRUPT') throw e
    }
    const body: BodyFile = before
      ? { ...before, versions: [...before.versions] }
      : { version: BODY_VERSION, id, editedTitle: record.titleEdited ? record.title : null, versions: [] }
    return { record: { ...record }, body, before, fresh: false }
  }

  #newBody(id: string, version: ArticleContent): PendingBody {
    const record: ArticleRecord = {
      id,
      title: version.title,
      titleDerived: version.titleDerived,
      language: version.language,
      dateline: version.dateline,
      publishedAt: version.publishedAt,
      titleEdited: false,
      savedAt: version.savedAt,
      contentHash: version.contentHash,
      ...originOf(version),
    }
    return { record, body: { version: BODY_VERSION, id, editedTitle: null, versions: [version] }, before: null, fresh: true }
  }

  /** The id of a new article: from its text, unless an article (or an earlier version's text) already has it. */
  #freeId(contentHash: string, pending: ReadonlyMap<string, PendingBody>): string {
    let id = contentHash.slice(0, 16)
    for (let n = 1; this.#ids().has(id) || pending.has(id); n++) {
      id = createHash('sha256').update(`${contentHash}:${n}`).digest('hex').slice(0, 16)
    }
    return id
  }

  /** Gives a live catalogue entry another entry's fields (a new version, or undoing one). */
  #replaceRecord(live: ArticleRecord, next: ArticleRecord): void {
    if (this.#byTitle?.get(normaliseTitle(live.title)) === live.id) this.#byTitle.delete(normaliseTitle(live.title))
    for (const key of Object.keys(live) as (keyof ArticleRecord)[]) if (!(key in next)) delete live[key]
    Object.assign(live, next)
    // The earlier text keeps pointing here too: importing it again is a duplicate, not a new article.
    this.#byHash?.set(live.contentHash, live.id)
    this.#byTitle?.set(normaliseTitle(live.title), live.id)
    this.#ordered = null
    this.#generation++
  }

  #index(record: ArticleRecord): void {
    this.#byId?.set(record.id, record)
    this.#byHash?.set(record.contentHash, record.id)
    this.#byTitle?.set(normaliseTitle(record.title), record.id)
    this.#ordered = null
    this.#generation++
  }

  #unindex(record: ArticleRecord): void {
    this.#byId?.delete(record.id)
    this.#byHash?.delete(record.contentHash)
    if (this.#byTitle?.get(normaliseTitle(record.title)) === record.id) this.#byTitle.delete(normaliseTitle(record.title))
    this.#ordered = null
    this.#generation++
  }

  #ids(): Map<string, ArticleRecord> {
    this.#byId ??= new Map(this.#catalog.data.articles.map((r) => [r.id, r]))
    return this.#byId
  }

  #hashes(): Map<string, string> {
    this.#byHash ??= new Map([...this.#ids().values()].map((r) => [r.contentHash, r.id]))
    return this.#byHash
  }

  /** Normalising 100,000 titles takes a good part of a second: done when a title is first looked up. */
  #titles(): Map<string, string> {
    this.#byTitle ??= new Map([...this.#ids().values()].map((r) => [normaliseTitle(r.title), r.id]))
    return this.#byTitle
  }

  #orderedRecords(): LibraryListing<ArticleRecord> {
    // The catalogue's own array: every change to it drops this listing (#index, #unindex, #replaceRecord).
    this.#ordered ??= new LibraryListing(this.#catalog.data.articles)
    return this.#ordered
  }

  /** Tells the listeners; one that throws never fails the save it hears about. */
  #emit(change: ArchiveChange): void {
    for (const listener of this.#listeners) {
      try {
        listener(change)
      } catch (e) {
        this.#log('warta: a listener of archive changes failed', e)
      }
    }
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
      this.#stateVersion++
      try {
        await this.#state.write()
      } catch (e) {
        undo()
        this.#stateVersion++
        throw e
      }
      this.#onDisk.state = true
      // The file now holds every journalled mark too.
      await this.#stateJournal.clear().catch((e: unknown) => this.#log(`warta: could not empty the journal of ${STATE_FILE}`, e))
      this.#backUpEveryInterval(STATE_FILE)
    })
  }

  /**
   * A bookmark, read mark or annotation change: one journal entry, not a rewrite of the state
   * file (which may hold 20,000 read marks); undone in memory if it cannot be saved. `change`
   * returns the entry and its undo, or null when there is nothing to change.
   */
  async #journalStateChange(change: (s: StateFile) => { entry: StateChange; undo: () => void } | null): Promise<void> {
    this.#assertWritable()
    await this.#stateQueue.run(async () => {
      this.#assertLockHeld()
      const made = change(this.#state.data)
      if (!made) return
      this.#stateVersion++
      try {
        // The first save of a new archive writes the file itself: a journal is only kept beside its file.
        if (this.#onDisk.state) await this.#stateJournal.append(made.entry)
        else await this.#state.write()
      } catch (e) {
        made.undo()
        this.#stateVersion++
        throw e
      }
      this.#onDisk.state = true
      // Folded in after this save is done, before the next one.
      if (this.#stateJournal.bytes > this.#checkpointAt(this.#stateFile.lastWrittenLength || this.#onDisk.stateBytes)) void this.#stateQueue.run(() => this.#checkpointState())
      this.#backUpEveryInterval(STATE_FILE)
    })
  }

  /** A change of the catalogue: one journal entry, synced; the whole file is rewritten only at a checkpoint. */
  async #commitCatalog(change: CatalogChange): Promise<void> {
    if (!this.#onDisk.catalog) {
      // The first save of a new archive writes the file itself: a journal is only kept beside its file.
      await this.#catalog.write()
      this.#onDisk.catalog = true
      return
    }
    await this.#catalogJournal.append(change)
    if (this.#catalogJournal.bytes > this.#checkpointAt(this.#catalogFile.lastWrittenLength || this.#onDisk.catalogBytes)) void this.#catalogQueue.run(() => this.#checkpointCatalog())
  }

  /** The journal size at which it is folded into a file of about `fileBytes`. */
  #checkpointAt(fileBytes: number): number {
    return Math.max(this.#checkpointBytes, fileBytes / 8)
  }

  /** Writes catalog.json whole and empties its journal; a failure leaves the journal, which still holds every change. */
  async #checkpointCatalog(): Promise<void> {
    if (this.#catalogJournal.bytes === 0 || this.#lock?.lost) return
    try {
      await this.#catalog.write()
      await this.#catalogJournal.clear()
    } catch (e) {
      this.#log(`warta: could not fold the journal into ${CATALOG_FILE}; it is kept and tried again later`, e)
    }
  }

  async #checkpointState(): Promise<void> {
    if (this.#stateJournal.bytes === 0 || this.#lock?.lost) return
    try {
      await this.#state.write()
      await this.#stateJournal.clear()
    } catch (e) {
      this.#log(`warta: could not fold the journal into ${STATE_FILE}; it is kept and tried again later`, e)
    }
  }

  async #readBody(record: ArticleRecord): Promise<BodyFile> {
    const path = bodyPath(this.dir, record.id)
    let body: BodyFile | null
    try {
      body = await readBody(this.dir, record.id, record)
    } catch (e) {
      if (!(e instanceof CorruptFileError)) throw e
      let keptAs = ''
      // A damaged pack stays where it is: the other bodies in it may read well.
      if (!this.readOnly && e.path === path) {
        try {
          const event = await setAside(this.dir, path, e.reason, this.#now())
          this.recoveryEvents.push(event)
          void this.#notices.add([event])
          keptAs = `; it was kept as ${event.movedTo}`
        } catch {
          // Moved by a concurrent read, or the disk refused: it is reported damaged either way.
        }
      }
      throw new AppError('ARCHIVE_CORRUPT', `The text of "${record.title}" is damaged (${e.reason})${keptAs}`, { file: archivePath(this.dir, e.path) }, { cause: e })
    }
    if (!body) {
      const expected = record.pack ? packPath(this.dir, record.pack) : path
      throw new AppError('ARCHIVE_CORRUPT', `The text of "${record.title}" is missing from the archive`, { file: archivePath(this.dir, expected) })
    }
    return body
  }

  async #writeBody(body: BodyFile): Promise<void> {
    const path = bodyPath(this.dir, body.id)
    await this.#sweepShard(dirname(path))
    await writeFileDurably(path, JSON.stringify(body), this.#fs)
  }

  /** New bodies of an import, in one pack: one file, one fsync. */
  async #writePack(pack: string, bodies: readonly BodyFile[]): Promise<void> {
    const path = packPath(this.dir, pack)
    await this.#sweepShard(dirname(path))
    await writeFileDurably(path, packText(bodies.map((body) => ({ id: body.id, json: JSON.stringify(body) }))), this.#fs)
  }

  /**
   * After a save: deletes those of `packs` no catalogue entry names any more, and rewrites those
   * still holding a body no entry reads from them — a removed article's text (so a delete leaves
   * nothing behind) or the old copy of one that moved to its own file. Already saved, so a
   * failure here is only logged; the next change to the pack tries again.
   */
  async #tidyPacks(packs: readonly string[]): Promise<void> {
    const named = await this.#dropUnreferencedPacks(packs)
    await Promise.all(
      [...named].map(async ([pack, ids]) => {
        const path = packPath(this.dir, pack)
        try {
          const bytes = await readPack(this.dir, pack)
          const bodies = bytes ? bodiesInPack(bytes) : []
          const kept = bodies.filter((b) => ids.has(b.id))
          if (kept.length === bodies.length) return
          await writeFileDurably(path, packText(kept.map((b) => ({ id: b.id, json: b.bytes.toString('utf8') }))), this.#fs)
        } catch (e) {
          // A damaged pack is left for a person to look at, as its bodies are reported when read.
          this.#log(`warta: could not rewrite ${archivePath(this.dir, path)} without the bodies that left it`, e)
        }
      }),
    )
  }

  /**
   * Deletes those of `packs` no catalogue entry names (also what a crash between writing a pack
   * and listing its articles leaves); returns the others with the articles naming them.
   */
  async #dropUnreferencedPacks(packs: readonly string[]): Promise<Map<string, Set<string>>> {
    const named = new Map(packs.map((pack) => [pack, new Set<string>()]))
    if (named.size === 0) return named
    // One pass over the catalogue, whatever the number of packs.
    for (const record of this.#catalog.data.articles) if (record.pack) named.get(record.pack)?.add(record.id)
    const unnamed = [...named].flatMap(([pack, ids]) => (ids.size === 0 ? [pack] : []))
    for (const pack of unnamed) named.delete(pack)
    await Promise.all(unnamed.map((pack) => unlink(packPath(this.dir, pack)).catch(() => {})))
    return named
  }

  /** The bodies of an import, side by side so their fsyncs overlap; `saved` lists the paths replaced so far. */
  async #writeBodies(bodies: readonly BodyFile[], saved: string[]): Promise<void> {
    if (bodies.length === 0) return
    const files = bodies.map((body) => ({ path: bodyPath(this.dir, body.id), text: JSON.stringify(body) }))
    for (const shard of new Set(files.map((f) => dirname(f.path)))) await this.#sweepShard(shard)
    await writeFilesDurably(files, this.#fs, saved)
  }

  /** The first write into a body directory this session removes temp files a crash left there. */
  async #sweepShard(shard: string): Promise<void> {
    if (this.#sweptShards.has(shard)) return
    this.#sweptShards.add(shard)
    await sweepTempFiles(shard)
  }

  /** After open resolves, so the first page is not kept waiting: copy both files unless already backed up. */
  #backUpAfterOpen(): void {
    const at = this.#now()
    for (const file of [CATALOG_FILE, STATE_FILE]) {
      this.#lastBackupAt.set(file, at.getTime())
      this.#inBackground(() => takeBackupIfChanged(this.dir, file, at))
    }
  }

  /** While writing, a fresh backup at most once per interval: of the whole file, its journal folded in first. */
  #backUpEveryInterval(file: string): void {
    const at = this.#now()
    if (at.getTime() - (this.#lastBackupAt.get(file) ?? 0) < this.#backupIntervalMs) return
    this.#lastBackupAt.set(file, at.getTime())
    this.#inBackground(async () => {
      await (file === CATALOG_FILE ? this.#catalogQueue.run(() => this.#checkpointCatalog()) : this.#stateQueue.run(() => this.#checkpointState()))
      await takeBackupIfChanged(this.dir, file, at)
    })
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

/** What an incoming article says about which story it is. */
function storyFactsOf(article: NewArticle): StoryFacts {
  return {
    url: article.web?.url ?? null,
    feedId: article.web?.feedId ?? null,
    feedGuid: article.web?.feedGuid ?? null,
    title: article.title,
    titleDerived: article.titleDerived,
    publishedAt: article.publishedAt,
    dateline: article.dateline,
  }
}

export const openArchive = (dir: string, options?: ArchiveOptions): Promise<Archive> => Archive.open(dir, options)
