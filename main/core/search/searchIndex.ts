// Full-text search over the archive: an SQLite FTS5 index at <archiveDir>/index/search.sqlite.
// The archive (lowdb files) stays the source of truth; this index is derived from it and can be
// thrown away at any time — missing, from another version, or corrupt, it is deleted and rebuilt
// in the background while the app stays usable.
//
// Layout:
// - `docs`: one row per article — what a result shows (title, dateline, dates, flags) and what
//   operators filter on, with indexes. Its rowid is the article's date (published, else saved)
//   in seconds × 2^20 plus a slot, so "newest first" is simply rowid order, which FTS5 and the
//   b-tree both serve without sorting — that is what keeps the default sort at ~1 ms.
// - `fts`: contentless FTS5 (title, body, notes) over pre-stemmed words (wordForms.ts), same
//   rowid. Positions are kept (detail=full) so phrases match in order. No text is stored: the
//   snippets are cut from the body files, which keeps the index a fraction of the archive's size.
// - `words`: every (stem, language, word) indexed. Prefixes expand through it (`pertem*` also
//   finds `temu`, the stem of `pertemuan`), and snippets are marked by looking words up in it
//   rather than stemming each result's text again.
// - `meta`: schema and analyzer versions, and the signature of the archive last synced.
//
// Costs kept in check at 100,000 articles: matches are counted exactly only up to 1,000
// ("1,000+" beyond); relevance (bm25) ranks the newest 10,000 matches; a build indexes every
// title first (seconds), then bodies newest first, yielding between batches.
import { createHash } from 'node:crypto'
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { ArticleSummary, Language } from '../../../preload/contract'
import { AppError } from '../errors'
import { readParagraphs, readParagraphsSync } from './articleText'
import { parseQuery, type ParsedQuery, type QueryFilters, type TextTerm } from './queryParser'
import { highlighterFor, markedSegments, snippetOf, type FormsOf, type Segment, type StemOf } from './snippet'
import { TextPass, TextPassCorruption, type TextPassOptions } from './textPass'
import { TextRows, connectIndex, isCorruption, tag, type BatchText, type DocRow } from './textRows'
import { ANALYZER_VERSION, queryStems, stem, words } from './wordForms'

export const INDEX_DIR = 'index'
export const INDEX_FILE = 'search.sqlite'
const SCHEMA_VERSION = 3

/** What the index needs from the archive; `Archive` satisfies it. */
export interface ArchiveSource {
  readonly dir: string
  list(query: { filter: 'all'; offset: number; limit: number }): { items: ArticleSummary[] }
  /** Annotation notes of an article, once annotations exist. */
  notesOf?(id: string): string[]
  /** The pack holding an article's body (Archive.packOf); without it, bodies are read from their own files. */
  packOf?(id: string): string | undefined
}

/** An archive the index can follow change by change (see follow()); `Archive` is one. */
export interface FollowedArchive extends ArchiveSource {
  has(id: string): boolean
  summary(id: string): ArticleSummary
  onChange(listener: (change: FollowedChange) => void): () => void
}

/** The archive's ArchiveChange, as far as the index cares. */
export type FollowedChange =
  | { kind: 'articles'; ids: string[] }
  | { kind: 'removed'; ids: string[] }
  | { kind: 'flags'; id: string; bookmarked?: boolean; read?: boolean }

/** One article as the index takes it when the caller already has its text. */
export interface IndexedDoc {
  article: ArticleSummary
  paragraphs: readonly string[]
  notes?: readonly string[]
}

export interface IndexFlags {
  bookmarked?: boolean
  read?: boolean
  hasNote?: boolean
}

export interface SearchOptions {
  sort?: 'newest' | 'oldest' | 'relevance'
  offset?: number
  limit?: number
  /** Words of snippet per result; 0 skips reading bodies (titles are still marked). */
  snippetWords?: number
  /**
   * Matches are counted exactly up to this many (default 1,000; at least offset + limit), then
   * reported as "at least": counting every one of 90,000 matches costs more than finding a page.
   */
  countUpTo?: number
}

export interface SearchHit {
  article: ArticleSummary
  /** The title with matched words marked. */
  title: Segment[]
  snippet: Segment[]
}

export interface IndexingProgress {
  done: number
  total: number
}

export interface SearchPage {
  items: SearchHit[]
  /** Matches in all; a lower bound when totalIsExact is false ("1,000+"). */
  total: number
  totalIsExact: boolean
  /** Set while the index is being built: results may miss articles not indexed yet. */
  indexing: IndexingProgress | null
}

export interface SyncOptions {
  onProgress?: (progress: IndexingProgress) => void
  signal?: AbortSignal
  /** Articles per transaction; between batches the event loop runs. */
  batchSize?: number
}

export interface SyncReport {
  added: number
  removed: number
  reindexed: number
  flagsUpdated: number
  /** True when the signature matched and nothing had to be compared. */
  upToDate: boolean
  /** True when a worker thread wrote every text row of this build (see textPass.ts). */
  inWorker: boolean
}

export interface SearchIndexOptions {
  /** Path to a better-sqlite3 build for Electron's ABI (see the Electron glue). */
  nativeBinding?: string
  /**
   * Only query the index as it is (a tool beside a running app, which keeps it up to date):
   * nothing is created, reset or written, and open() throws IndexUnavailableError when there is
   * no usable index.
   */
  readOnly?: boolean
  /** Every build's progress, including those started by a reset; done === total at the end. */
  onProgress?: (progress: IndexingProgress) => void
  /** Where failures of background work (following the archive, rebuilding) go. */
  log?: (message: string, error: unknown) => void
  /** Called when the index was found corrupt or outdated and has been reset. */
  onReset?: (reason: string) => void
  /**
   * Below this many matching articles an operator filter is checked as a set of rowids, above
   * it on each joined row (default: a tenth of the index). Both give the same results; tests set
   * it to reach both.
   */
  fewDocs?: number
  /**
   * The worker that writes the text rows of a large build (textPass.ts): used from `fromArticles`
   * articles to write (default 2,000; a smaller build is not worth starting a thread for); false
   * writes every build in this thread.
   */
  textPass?: (TextPassOptions & { fromArticles?: number }) | false
  /** How long announced articles wait for the changes to pause, and at most (ms); tests shorten them. */
  followDelays?: { pauseMs: number; atLatestMs: number }
}

const SLOT_BITS = 2 ** 20
// Dates outside these are clamped, which keeps rowids below 2^53 and their order sane.
const MIN_SECONDS = Date.UTC(1900, 0, 1) / 1000
const MAX_SECONDS = Date.UTC(2200, 0, 1) / 1000

/** The instant an article sorts by: published, else saved. */
const sortInstant = (a: Pick<ArticleSummary, 'publishedAt' | 'savedAt'>): number => {
  const ms = Date.parse(a.publishedAt ?? a.savedAt)
  return Number.isFinite(ms) ? ms : 0
}
const baseRowid = (ms: number): number => Math.min(MAX_SECONDS, Math.max(MIN_SECONDS, Math.floor(ms / 1000))) * SLOT_BITS
/** The calendar day as written in the article's own offset, for before:/after:. */
const dayOf = (a: Pick<ArticleSummary, 'publishedAt' | 'savedAt'>): string => (a.publishedAt ?? a.savedAt).slice(0, 10)
/** Agency and place as operators match them: folded words, `ANTARA News` → `antara news`. */
const foldKey = (s: string | null): string | null => (s === null ? null : words(s).join(' ') || null)

/** Title, body, notes; tags (the operators' facets) never weigh in. */
const BM25 = 'bm25(fts, 4.0, 1.0, 2.0, 0.0)'
/** An operator filter matching at most this share of the index is checked as a set of rowids (see #query). */
const FEW_DOCS_SHARE = 0.1
const DEFAULT_COUNT_UP_TO = 1000
/** A build with at least this many articles to write writes their text rows in a worker (textPass.ts). */
const TEXT_PASS_FROM = 2000
/** Titles indexed per transaction in the first, title-only pass of a build. */
const TITLE_BATCH = 2000
/** Relevance ranks the newest this-many matches (all of them, unless a word is everywhere). */
export const RELEVANCE_WINDOW = 10_000
/** A prefix shared by more indexed stems than this is searched with FTS5's own prefix query. */
const MAX_PREFIX_TERMS = 64
/**
 * Articles the archive announces (an import call, a feed refresh, a rename) are indexed once the
 * changes pause this long, all together: at 100,000 articles indexing takes about twice as long
 * as importing, and done between the calls of a large import it held each next call back.
 * A search indexes what is waiting at once (settled()).
 */
const FOLLOW_DELAYS = { pauseMs: 250, atLatestMs: 2000 }
/** Articles per transaction when they are; main yields between, so an import call can run. */
const FOLLOW_BATCH = 100
/** A read-only open found no index it can use (missing, being replaced, or from another version). */
export class IndexUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(`the search index cannot be used: ${reason}`)
  }
}

/** FTS5 string literal: our stems are letters and digits only, but quote anyway. */
const ftsString = (s: string): string => `"${s.replace(/"/g, '""')}"`

export class SearchIndex {
  readonly archiveDir: string
  readonly path: string
  readonly #options: SearchIndexOptions
  /** Where bodies are packed, learnt from the archive followed or synced. */
  #packOf: (id: string) => string | undefined = () => undefined
  readonly #fewDocs: number | null
  /** Articles in the index, kept while nothing is added or removed (see #docCount). */
  #docs: number | null = null
  #db!: Database.Database
  readonly #statements = new Map<string, Database.Statement>()
  /** Bumped by every reset, so a sync that straddles one knows to start over. */
  #generation = 0
  #closed = false
  #progress: IndexingProgress | null = null
  #syncing: Promise<SyncReport> | null = null
  #lastSource: ArchiveSource | null = null
  /** Writes text rows over #db; replaced with it. */
  #rows!: TextRows
  /** The worker writing a large build's text rows, while it runs. */
  #textPass: TextPass | null = null
  /** Index work for changes the archive announced (new articles once the changes pause, see follow()); a search waits for it (read your writes). */
  #updates: Promise<void> = Promise.resolve()
  #unfollow: (() => void) | null = null
  /** Starts indexing the articles that wait for the archive's changes to pause (see follow()). */
  #indexWaiting: (() => void) | null = null
  #synced = false

  private constructor(archiveDir: string, options: SearchIndexOptions) {
    this.archiveDir = archiveDir
    this.path = join(archiveDir, INDEX_DIR, INDEX_FILE)
    this.#options = options
    this.#fewDocs = options.fewDocs ?? null
    if (options.readOnly) this.#openReadOnly()
    else this.#openOrReset()
  }

  #openReadOnly(): void {
    let db: Database.Database
    try {
      db = new Database(this.path, { readonly: true, fileMustExist: true, ...(this.#options.nativeBinding ? { nativeBinding: this.#options.nativeBinding } : {}) })
    } catch (e) {
      throw new IndexUnavailableError((e as Error).message)
    }
    this.#db = db
    try {
      const version = this.#meta('schema')
      const analyzer = this.#meta('analyzer')
      if (version !== String(SCHEMA_VERSION) || analyzer !== String(ANALYZER_VERSION)) {
        throw new IndexUnavailableError(`built by another version (schema ${version}, analyzer ${analyzer})`)
      }
      const pending = (this.#sql('SELECT count(*) AS n FROM docs WHERE indexed != 1').get() as { n: number }).n
      const total = (this.#sql('SELECT count(*) AS n FROM docs').get() as { n: number }).n
      // Another process is still building it: say how far it has come.
      if (pending > 0) this.#progress = { done: total - pending, total }
    } catch (e) {
      db.close()
      if (e instanceof IndexUnavailableError) throw e
      throw new IndexUnavailableError((e as Error).message)
    }
  }

  /** Opens (or creates) the index of an archive; never fails on a bad index file — it resets it. */
  static open(archiveDir: string, options: SearchIndexOptions = {}): SearchIndex {
    return new SearchIndex(archiveDir, options)
  }

  get isClosed(): boolean {
    return this.#closed
  }

  /** True once a sync has finished in this session: before it, the index may lag the archive. */
  get synced(): boolean {
    return this.#synced
  }

  /** Progress of a running build, or null when the index is complete. */
  get indexing(): IndexingProgress | null {
    // Once every text is written the results are whole, though the build is still tidying up
    // (its signature, statistics): a search then is not reported as partial.
    const progress = this.#progress
    return progress && progress.done < progress.total ? { ...progress } : null
  }

  /** Articles in the index (indexed or waiting to be). */
  get size(): number {
    return this.#guard(() => (this.#sql('SELECT count(*) AS n FROM docs').get() as { n: number }).n, 0)
  }

  // -- lifecycle -------------------------------------------------------------

  #openOrReset(): void {
    mkdirSync(join(this.archiveDir, INDEX_DIR), { recursive: true })
    try {
      this.#connect()
      const version = this.#meta('schema')
      const analyzer = this.#meta('analyzer')
      if (version === null) this.#createSchema()
      else if (version !== String(SCHEMA_VERSION) || analyzer !== String(ANALYZER_VERSION)) {
        this.#reset(`index built by another version (schema ${version}, analyzer ${analyzer})`)
      }
    } catch (e) {
      if (!isCorruption(e)) throw e
      this.#reset(`index file unreadable: ${(e as Error).message}`)
    }
  }

  #connect(): void {
    this.#db = connectIndex(this.path, { nativeBinding: this.#options.nativeBinding, cacheKb: 32000 })
    this.#rows = new TextRows(this.#db)
  }

  #createSchema(): void {
    this.#db.exec(`
      CREATE TABLE docs (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        lang TEXT NOT NULL,
        place TEXT,
        agency TEXT,
        place_key TEXT,
        agency_key TEXT,
        published_at TEXT,
        saved_at TEXT NOT NULL,
        day TEXT NOT NULL,
        bookmarked INTEGER NOT NULL DEFAULT 0,
        read INTEGER NOT NULL DEFAULT 0,
        has_note INTEGER NOT NULL DEFAULT 0,
        indexed INTEGER NOT NULL DEFAULT 0,
        -- The notes as written, so the text row can be written again when a tag changes.
        notes TEXT NOT NULL DEFAULT ''
      );
      -- Each index also holds the flags, so a combined filter (place:jakarta lang:id is:unread)
      -- is answered from the index alone, without reading 20,000 rows.
      CREATE INDEX docs_bookmarked ON docs(bookmarked);
      CREATE INDEX docs_read ON docs(read);
      CREATE INDEX docs_has_note ON docs(has_note);
      CREATE INDEX docs_lang ON docs(lang, bookmarked, read, has_note);
      CREATE INDEX docs_agency ON docs(agency_key, lang, bookmarked, read, has_note, place_key);
      CREATE INDEX docs_place ON docs(place_key, lang, bookmarked, read, has_note, agency_key);
      CREATE INDEX docs_pending ON docs(indexed) WHERE indexed != 1;
      CREATE VIRTUAL TABLE fts USING fts5(title, body, notes, tags, content='', contentless_delete=1, tokenize='ascii', detail=full);
      CREATE TABLE words (stem TEXT NOT NULL, lang TEXT NOT NULL, word TEXT NOT NULL, PRIMARY KEY (stem, lang, word)) WITHOUT ROWID;
      CREATE INDEX words_by_word ON words(word);
    `)
    this.#setMeta('schema', String(SCHEMA_VERSION))
    this.#setMeta('analyzer', String(ANALYZER_VERSION))
  }

  /** Deletes the index files and starts an empty index; a known archive is re-synced in the background. */
  #reset(reason: string): void {
    try {
      this.#db?.close()
    } catch {
      // already unusable
    }
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(this.path + suffix, { force: true })
    this.#statements.clear()
    this.#docs = null
    // A running build's worker writes to the file just deleted; the build starts again.
    void this.#textPass?.stop()
    this.#generation++
    // A new writer: the words table starts empty again, so every word must be reported to it anew.
    this.#connect()
    this.#createSchema()
    this.#options.onReset?.(reason)
    if (this.#lastSource && !this.#syncing) {
      const source = this.#lastSource
      queueMicrotask(() => {
        if (!this.#closed) this.sync(source).catch(() => {})
      })
    }
  }

  /** Runs a database operation; corruption found on the way resets the index instead of failing. */
  #guard<T>(run: () => T, fallback: T): T {
    if (this.#closed) throw new Error('the search index is closed')
    try {
      return run()
    } catch (e) {
      if (!isCorruption(e) || this.#options.readOnly) throw e
      this.#reset(`index corrupt: ${(e as Error).message}`)
      return fallback
    }
  }

  /** Prepared once per connection: preparing is a good part of the cost of a small statement. */
  #sql(sql: string): Database.Statement {
    let statement = this.#statements.get(sql)
    if (!statement) {
      // Queries differ in their filters; a few hundred shapes at most, but keep it bounded.
      if (this.#statements.size > 500) this.#statements.clear()
      statement = this.#db.prepare(sql)
      this.#statements.set(sql, statement)
    }
    return statement
  }

  #meta(key: string): string | null {
    const row = this.#sql('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined
    return row?.value ?? null
  }

  #setMeta(key: string, value: string): void {
    this.#sql('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value)
  }

  /** Closes the database (a running sync stops at its next batch). Safe to call twice. */
  close(): void {
    if (this.#closed) return
    this.#closed = true
    this.#unfollow?.()
    void this.#textPass?.stop()
    try {
      if (!this.#options.readOnly) this.#db.pragma('optimize')
    } catch {
      // closing anyway
    }
    this.#db.close()
  }

  /**
   * Keeps the index up to date with every change the archive announces (imports, renames,
   * bookmarks, reads, removals), whoever made it: the renderer, the menu, a feed refresh. New
   * and changed articles are indexed in the background once the changes pause (FOLLOW_DELAYS);
   * settled(), which a search awaits, indexes them at once, so a search right after an import
   * finds what was imported. Returns how to stop.
   */
  follow(archive: FollowedArchive): () => void {
    this.#unfollow?.()
    this.#learnPacks(archive)
    const log = (message: string, error: unknown): void => this.#log(message, error)
    const delays = this.#options.followDelays ?? FOLLOW_DELAYS
    const notesOf = archive.notesOf ? (id: string) => archive.notesOf?.(id) ?? [] : undefined
    const waiting = new Set<string>()
    let firstWaitingAt = 0
    let timer: ReturnType<typeof setTimeout> | null = null
    const indexWaiting = (): void => {
      if (timer) clearTimeout(timer)
      timer = null
      if (waiting.size === 0) return
      const ids = [...waiting]
      waiting.clear()
      this.#updates = this.#updates.then(async () => {
        for (let i = 0; i < ids.length; i += FOLLOW_BATCH) {
          if (this.#closed) return
          if (i > 0) await new Promise<void>((resolve) => setImmediate(resolve))
          // Removed meanwhile: nothing to index. Flags changed meanwhile are in the summary.
          const summaries = ids.slice(i, i + FOLLOW_BATCH).filter((id) => archive.has(id)).map((id) => archive.summary(id))
          try {
            await this.indexArticles(summaries, notesOf)
          } catch (e) {
            if (!this.#closed) log('warta: the search index could not index new articles', e)
          }
        }
      })
    }
    const stop = archive.onChange((change) => {
      if (this.#closed) return
      if (change.kind === 'flags') {
        // After the save is answered (a later task, not a microtask the caller would wait behind),
        // in order with the rest: a bookmark writes the text row again, which reads the body.
        this.#updates = this.#updates.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(() => {
          if (this.#closed) return
          try {
            this.updateFlags(change.id, { bookmarked: change.bookmarked, read: change.read })
          } catch (e) {
            log('warta: the search index could not follow a change', e)
          }
        })
        return
      }
      try {
        if (change.kind === 'removed') {
          for (const id of change.ids) this.remove(id)
          return
        }
      } catch (e) {
        log('warta: the search index could not follow a change', e)
        return
      }
      if (waiting.size === 0) firstWaitingAt = Date.now()
      for (const id of change.ids) waiting.add(id)
      if (timer) clearTimeout(timer)
      timer = setTimeout(indexWaiting, Math.max(0, Math.min(delays.pauseMs, firstWaitingAt + delays.atLatestMs - Date.now())))
      timer.unref?.()
    })
    this.#indexWaiting = indexWaiting
    this.#unfollow = () => {
      stop()
      // What was announced before is still indexed (unless the index is closing).
      indexWaiting()
      this.#indexWaiting = null
      this.#unfollow = null
    }
    return this.#unfollow
  }

  /** Snippets and text rows read bodies where the archive keeps them: a pack or a file of their own. */
  #learnPacks(source: ArchiveSource): void {
    if (source.packOf) this.#packOf = (id) => source.packOf?.(id)
  }

  /** Resolves once the changes announced so far are in the index (not the background build). */
  settled(): Promise<void> {
    this.#indexWaiting?.()
    return this.#updates
  }

  // -- keeping up with the archive -------------------------------------------

  /**
   * Brings the index up to date with the archive: metadata and flags at once, then the text of
   * new or changed articles in batches, newest first, yielding between batches. Cheap when
   * nothing changed (one pass over the catalogue to compare a signature).
   */
  sync(source: ArchiveSource, options: SyncOptions = {}): Promise<SyncReport> {
    this.#learnPacks(source)
    // Read-only: whoever holds the archive keeps the index up to date.
    if (this.#options.readOnly) return Promise.resolve({ added: 0, removed: 0, reindexed: 0, flagsUpdated: 0, upToDate: true, inWorker: false })
    this.#lastSource = source
    if (this.#syncing) return this.#syncing
    this.#syncing = this.#sync(source, options)
      .then((report) => {
        this.#synced = true
        return report
      })
      .finally(() => {
        this.#syncing = null
        this.#progress = null
      })
    return this.#syncing
  }

  async #sync(source: ArchiveSource, options: SyncOptions, attempt = 0): Promise<SyncReport> {
    const generation = this.#generation
    const report: SyncReport = { added: 0, removed: 0, reindexed: 0, flagsUpdated: 0, upToDate: false, inWorker: false }
    const pendingCount = (): number =>
      (this.#sql('SELECT count(*) AS n FROM docs WHERE indexed != 1').get() as { n: number }).n
    const signature = this.#compare(source, report, pendingCount)
    if (report.upToDate) return report

    const pending = this.#guard(
      () =>
        this.#sql('SELECT rowid, id, indexed FROM docs WHERE indexed != 1 ORDER BY rowid DESC').all() as Pick<DocRow, 'rowid' | 'id' | 'indexed'>[],
      [],
    )
    if (this.#generation !== generation) return this.#restart(source, options, attempt)
    const batchSize = options.batchSize ?? 200
    this.#progress = { done: 0, total: pending.length }
    const tell = (): void => {
      const progress = { ...(this.#progress as IndexingProgress) }
      options.onProgress?.(progress)
      this.#options.onProgress?.(progress)
    }
    tell()

    const notesOf = (id: string): string[] => source.notesOf?.(id) ?? []
    // A large build writes its text rows in a worker (textPass.ts), its garbage off main's heap.
    const pass = this.#options.textPass !== false && pending.length >= (this.#options.textPass?.fromArticles ?? TEXT_PASS_FROM) ? this.#startTextPass() : null
    try {
      // Titles first: they need no file reads, so within seconds every article can be found by
      // its title while the bodies are still being read.
      const untitled = pending.filter((p) => p.indexed === 0)
      for (let i = 0; i < untitled.length; i += TITLE_BATCH) {
        if (this.#closed || options.signal?.aborted) return report
        if (this.#generation !== generation) return this.#restart(source, options, attempt)
        await this.#writeTexts('titles', untitled.slice(i, i + TITLE_BATCH).map((p) => p.id), notesOf, generation)
        await new Promise<void>((resolve) => setImmediate(resolve))
      }
      // Then the bodies, newest first.
      for (let i = 0; i < pending.length; i += batchSize) {
        if (this.#closed || options.signal?.aborted) return report
        if (this.#generation !== generation) return this.#restart(source, options, attempt)
        const batch = pending.slice(i, i + batchSize)
        await this.#writeTexts('bodies', batch.map((p) => p.id), notesOf, generation)
        if (this.#closed || options.signal?.aborted) return report
        if (this.#generation !== generation) return this.#restart(source, options, attempt)
        this.#progress.done = Math.min(pending.length, i + batch.length)
        tell()
        await new Promise<void>((resolve) => setImmediate(resolve))
      }
      // Still the worker that started: none failed on the way.
      report.inWorker = pass !== null && this.#textPass === pass
    } finally {
      // Only its own: a restart above may already have started the next build's worker.
      if (pass) {
        if (this.#textPass === pass) this.#textPass = null
        void pass.stop()
      }
    }
    if (this.#closed) return report
    if (this.#generation !== generation) return this.#restart(source, options, attempt)
    this.#guard(() => {
      if (pendingCount() === 0) this.#setMeta('signature', signature)
      // After a build the planner needs statistics to pick the right index for each filter
      // (lang before read, for `is:unread lang:en`): ~0.5 s once at 100,000 articles.
      if (pending.length + report.removed > 1000) this.#db.exec('ANALYZE docs')
    }, undefined)
    return report
  }

  #startTextPass(): TextPass | null {
    const options = this.#options.textPass || {}
    try {
      this.#textPass = new TextPass({ indexPath: this.path, archiveDir: this.archiveDir, nativeBinding: this.#options.nativeBinding }, options)
    } catch (e) {
      // Not the previous build's worker either: a restart starts before that one is let go.
      this.#textPass = null
      this.#log('warta: the index worker could not start; the build runs in this thread', e)
    }
    return this.#textPass
  }

  /**
   * Writes the text rows of one batch, in the build's worker while it works, else here: titles
   * (and notes) only, or with the bodies. An article whose body cannot be read keeps its
   * title-only row and stays pending, to be retried.
   */
  async #writeTexts(what: 'titles' | 'bodies', ids: readonly string[], notesOf: (id: string) => string[], generation: number): Promise<void> {
    const pass = this.#textPass
    if (pass) {
      try {
        const items = ids.map((id) => {
          const notes = notesOf(id)
          const pack = this.#packOf(id)
          return { id, ...(notes.length > 0 ? { notes } : {}), ...(pack ? { pack } : {}) }
        })
        await pass.write(items, what === 'titles')
        return
      } catch (e) {
        // Stopped by close() or a reset: the build notices and ends or starts again.
        if (this.#closed || this.#textPass !== pass) return
        if (e instanceof TextPassCorruption) {
          this.#reset(`index corrupt: ${e.message}`)
          return
        }
        this.#log('warta: the index worker failed; the build goes on in this thread', e)
        this.#textPass = null
        void pass.stop()
      }
    }
    const texts = what === 'titles' ? null : await Promise.all(ids.map((id) => readParagraphs(this.archiveDir, id, this.#packOf(id))))
    if (this.#closed || this.#generation !== generation) return
    const batch = ids.flatMap((id, j): BatchText[] => {
      if (!texts) return [{ id, paragraphs: null, notes: notesOf(id) }]
      const paragraphs = texts[j]
      return paragraphs ? [{ id, paragraphs, notes: notesOf(id) }] : []
    })
    this.#guard(() => this.#rows.writeBatch(batch), undefined)
  }

  #log(message: string, error: unknown): void {
    ;(this.#options.log ?? ((m, e) => console.warn(m, e)))(message, error)
  }

  /**
   * Compares the catalogue with the index and brings `docs` up to date; returns the catalogue's
   * signature. A function of its own so the 100,000 summaries can be freed before the long
   * text pass starts.
   */
  #compare(source: ArchiveSource, report: SyncReport, pendingCount: () => number): string {
    const hasNote = (id: string): boolean => (source.notesOf?.(id).length ?? 0) > 0
    // The signature a page at a time: at start the index is usually up to date, and 100,000
    // summaries made at once would only be thrown away.
    const signature = this.#signatureOf(pagesOf(source), hasNote)
    if (this.#guard(() => this.#meta('signature') === signature && pendingCount() === 0, false)) {
      report.upToDate = true
      return signature
    }
    // Page by page: 100,000 summaries made at once outlive V8's young generation and swell main's heap.
    this.#guard(() => this.#reconcile(pagesOf(source), hasNote, report), undefined)
    return signature
  }

  /** The index was reset under a running sync: start again on the new, empty index (once). */
  #restart(source: ArchiveSource, options: SyncOptions, attempt: number): Promise<SyncReport> {
    if (attempt >= 1) throw new AppError('INTERNAL', 'the search index keeps getting corrupted; check the disk')
    return this.#sync(source, options, attempt + 1)
  }

  #signatureOf(summaries: Iterable<ArticleSummary>, hasNote: (id: string) => boolean): string {
    const hash = createHash('sha1')
    let count = 0
    for (const a of summaries) {
      hash.update(
        `${a.id}\u0000${a.title}\u0000${a.language}\u0000${a.dateline.place}\u0000${a.dateline.agency}\u0000${a.publishedAt}\u0000${a.savedAt}\u0000${+a.bookmarked}${+a.read}${+hasNote(a.id)}\n`,
      )
      count++
    }
    return `${ANALYZER_VERSION}:${count}:${hash.digest('hex')}`
  }

  /** Makes `docs` match the catalogue; text that must be (re)indexed is left marked pending. */
  #reconcile(summaries: Iterable<ArticleSummary>, hasNote: (id: string) => boolean, report: SyncReport): void {
    const existing = new Map<string, DocRow>()
    for (const row of this.#sql('SELECT * FROM docs').iterate() as Iterable<DocRow>) existing.set(row.id, row)
    const apply = this.#db.transaction(() => {
      for (const a of summaries) {
        const row = existing.get(a.id)
        existing.delete(a.id)
        const note = hasNote(a.id)
        if (!row) {
          this.#insertDoc(a, note, 0)
          report.added++
          continue
        }
        const metaChanged =
          row.title !== a.title ||
          row.lang !== a.language ||
          row.place !== a.dateline.place ||
          row.agency !== a.dateline.agency ||
          row.published_at !== a.publishedAt ||
          row.saved_at !== a.savedAt
        if (metaChanged) {
          this.#deleteRow(row)
          this.#insertDoc(a, note, 0)
          report.reindexed++
        } else if (row.bookmarked !== +a.bookmarked || row.read !== +a.read || row.has_note !== +note) {
          // Bookmarks and notes are tags of the text row too: a changed one has it written again.
          const tagged = row.bookmarked !== +a.bookmarked || row.has_note !== +note
          this.#sql('UPDATE docs SET bookmarked = ?, read = ?, has_note = ?, indexed = ? WHERE rowid = ?')
            .run(+a.bookmarked, +a.read, +note, tagged && row.indexed === 1 ? 2 : row.indexed, row.rowid)
          report.flagsUpdated++
        }
      }
      for (const row of existing.values()) {
        this.#deleteRow(row)
        report.removed++
      }
    })
    apply()
  }

  #insertDoc(a: ArticleSummary, hasNote: boolean, indexed: number): number {
    const base = baseRowid(sortInstant(a))
    const top = (this.#sql('SELECT max(rowid) AS m FROM docs WHERE rowid >= ? AND rowid < ?').get(base, base + SLOT_BITS) as {
      m: number | null
    }).m
    // More than 2^20 articles dated the same second is not a case we expect; they would spill
    // into the next second's slots, which only nudges their order.
    const rowid = top === null ? base : top + 1
    this.#docs = null
    this.#sql(
        `INSERT INTO docs (rowid, id, title, lang, place, agency, place_key, agency_key, published_at, saved_at, day, bookmarked, read, has_note, indexed)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        rowid,
        a.id,
        a.title,
        a.language,
        a.dateline.place,
        a.dateline.agency,
        foldKey(a.dateline.place),
        foldKey(a.dateline.agency),
        a.publishedAt,
        a.savedAt,
        dayOf(a),
        +a.bookmarked,
        +a.read,
        +hasNote,
        indexed,
      )
    return rowid
  }

  #deleteRow(row: Pick<DocRow, 'rowid' | 'indexed'>): void {
    this.#docs = null
    if (row.indexed !== 0) this.#sql('DELETE FROM fts WHERE rowid = ?').run(row.rowid)
    this.#sql('DELETE FROM docs WHERE rowid = ?').run(row.rowid)
  }

  /** Adds or replaces articles whose text the caller has (an import, a rename). */
  upsert(docs: readonly IndexedDoc[]): void {
    this.#guard(() => {
      const write = this.#db.transaction(() => {
        for (const doc of docs) {
          const a = doc.article
          const old = this.#sql('SELECT rowid, indexed FROM docs WHERE id = ?').get(a.id) as Pick<DocRow, 'rowid' | 'indexed'> | undefined
          if (old) this.#deleteRow(old)
          const notes = doc.notes ?? []
          const rowid = this.#insertDoc(a, notes.length > 0, 0)
          const row = this.#sql('SELECT * FROM docs WHERE rowid = ?').get(rowid) as DocRow
          this.#rows.write(row, doc.paragraphs, notes)
        }
        this.#rows.flushWords()
      })
      write()
    }, undefined)
  }

  /** Adds or replaces articles by reading their text from the archive's body files. */
  async indexArticles(articles: readonly ArticleSummary[], notesOf?: (id: string) => string[]): Promise<void> {
    const texts = await Promise.all(articles.map((a) => readParagraphs(this.archiveDir, a.id, this.#packOf(a.id))))
    if (this.#closed) return
    this.upsert(articles.map((article, i) => ({ article, paragraphs: texts[i] ?? [], notes: notesOf?.(article.id) ?? [] })))
  }

  /**
   * Sets an article's flags. Read marks change often and stay in `docs`; a bookmark or a note is
   * also a tag of the text row (so `word is:bookmarked` is one FTS5 query), which is written
   * again from the body file — about half a millisecond.
   */
  updateFlags(id: string, flags: IndexFlags): void {
    const columns = { bookmarked: flags.bookmarked, read: flags.read, has_note: flags.hasNote }
    const given = Object.entries(columns).filter((e): e is [string, boolean] => e[1] !== undefined)
    if (given.length === 0) return
    this.#guard(() => {
      const row = this.#sql('SELECT * FROM docs WHERE id = ?').get(id) as DocRow | undefined
      if (!row) return
      const next = { ...row, ...Object.fromEntries(given.map(([c, v]) => [c, +v])) } as DocRow
      this.#db.transaction(() => {
        this.#sql(`UPDATE docs SET ${given.map(([c]) => `${c} = ?`).join(', ')} WHERE rowid = ?`).run(...given.map(([, v]) => +v), row.rowid)
        const retag = row.indexed !== 0 && (next.bookmarked !== row.bookmarked || next.has_note !== row.has_note)
        if (!retag) return
        const paragraphs = row.indexed === 1 ? readParagraphsSync(this.archiveDir, id, this.#packOf(id)) : null
        // An unreadable body keeps only the title and notes, and stays pending to be read again.
        this.#rows.write(next, paragraphs ?? [], row.notes ? row.notes.split('\n') : [], paragraphs ? 1 : 2)
        this.#rows.flushWords()
      })()
    }, undefined)
  }

  remove(id: string): void {
    this.#guard(() => {
      const row = this.#sql('SELECT rowid, indexed FROM docs WHERE id = ?').get(id) as Pick<DocRow, 'rowid' | 'indexed'> | undefined
      if (row) this.#db.transaction(() => this.#deleteRow(row))()
    }, undefined)
  }

  // -- searching -------------------------------------------------------------

  /**
   * Runs a query (text, or already parsed). Throws AppError('QUERY_INVALID') for a malformed
   * query; a corrupt index is reset and reported as indexing instead of failing.
   */
  search(query: string | ParsedQuery, options: SearchOptions = {}): SearchPage {
    const parsed = typeof query === 'string' ? parseQuery(query) : query
    const limit = Math.max(0, Math.min(options.limit ?? 20, 500))
    const offset = Math.max(0, options.offset ?? 0)
    const empty: SearchPage = { items: [], total: 0, totalIsExact: true, indexing: this.indexing ?? { done: 0, total: 0 } }
    const countUpTo = Math.max(options.countUpTo ?? DEFAULT_COUNT_UP_TO, offset + limit)
    const found = this.#guard(() => this.#query(parsed, options.sort ?? 'newest', limit, offset, countUpTo), null)
    if (!found) return empty
    const highlighter = highlighterFor(parsed, found.forms.stemOf, found.prefixStems, found.forms.formsOf)
    const snippetWords = options.snippetWords ?? 30
    const items = found.rows.map((row): SearchHit => {
      const article = summaryOf(row)
      const paragraphs = snippetWords > 0 ? readParagraphsSync(this.archiveDir, row.id, this.#packOf(row.id)) : null
      return {
        article,
        title: markedSegments(row.title, row.lang, highlighter),
        snippet: paragraphs ? snippetOf(paragraphs, row.lang, highlighter, { words: snippetWords }) : [],
      }
    })
    return { items, total: Math.min(found.total, countUpTo), totalIsExact: found.total <= countUpTo, indexing: this.indexing }
  }

  #query(
    q: ParsedQuery,
    sort: 'newest' | 'oldest' | 'relevance',
    limit: number,
    offset: number,
    countUpTo: number,
  ): { rows: DocRow[]; total: number; prefixStems: Map<string, string[]>; forms: { stemOf: StemOf; formsOf: FormsOf } } {
    const prefixes = this.#expandPrefixes(q.terms)
    const prefixStems = new Map([...prefixes].map(([p, e]) => [p, e.stems]))
    const forms = this.#indexedForms(q.terms, prefixStems)
    const positive = q.terms.filter((t) => !t.negated).map((t) => ftsExpression(t, prefixes))
    const negative = q.terms.filter((t) => t.negated).map((t) => ftsExpression(t, prefixes))
    const filters = filterSql(q.filters)
    const direction = sort === 'oldest' ? 'ASC' : 'DESC'

    if (positive.length === 0) {
      const where = [...filters.conditions, ...filters.dayConditions]
      const params = [...filters.params, ...filters.dayParams]
      if (filters.minRowid !== null) {
        where.push('d.rowid >= ?')
        params.push(filters.minRowid)
      }
      if (filters.maxRowid !== null) {
        where.push('d.rowid < ?')
        params.push(filters.maxRowid)
      }
      if (negative.length > 0) {
        where.push('d.rowid NOT IN (SELECT rowid FROM fts WHERE fts MATCH ?)')
        params.push(negative.join(' OR '))
      }
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : ''
      // Rowids first (answered from a covering index), whole rows for the page only.
      const rows = this.#sql(
        `SELECT d.* FROM (SELECT d.rowid AS r FROM docs d ${clause} ORDER BY d.rowid ${direction} LIMIT ? OFFSET ?) m
         CROSS JOIN docs d ON d.rowid = m.r ORDER BY m.r ${direction}`,
      ).all(...params, limit, offset) as DocRow[]
      const total = (
        clause
          ? this.#sql(`SELECT count(*) AS n FROM (SELECT 1 FROM docs d ${clause} LIMIT ?)`).get(...params, countUpTo + 1)
          : this.#sql('SELECT count(*) AS n FROM docs').get()
      ) as { n: number }
      return { rows, total: total.n, prefixStems, forms }
    }

    // Facets (language, source, place, bookmarks, notes) are tags of the text row: FTS5 answers
    // them with the words. Negations inside the expression stream with the rest too.
    const tagged = tagFilters(q.filters)
    const all = [...positive, ...tagged.all]
    const none = [...negative, ...tagged.none]
    const match = none.length > 0 ? `(${all.join(' AND ')}) NOT (${none.join(' OR ')})` : all.join(' AND ')
    const where = ['fts MATCH ?']
    const params: (string | number)[] = [match]
    // The rowid is the date: a date range is handed to FTS5 itself, which skips to it.
    if (filters.minRowid !== null) {
      where.push('fts.rowid >= ?')
      params.push(filters.minRowid)
    }
    if (filters.maxRowid !== null) {
      where.push('fts.rowid < ?')
      params.push(filters.maxRowid)
    }
    let needsJoin = filters.dayConditions.length > 0
    if (tagged.conditions.length > 0) {
      const conditions = tagged.conditions.join(' AND ')
      const fewDocs = this.#fewDocs ?? Math.floor(this.#docCount() * FEW_DOCS_SHARE)
      const few = (this.#sql(`SELECT count(*) AS n FROM (SELECT 1 FROM docs d WHERE ${conditions} LIMIT ?)`).get(...tagged.params, fewDocs + 1) as {
        n: number
      }).n
      // A selective filter (bookmarks, a source) is checked against a small in-memory set of
      // rowids, which rejects most matches at a glance; a broad one (a place, unread) on the
      // joined row, where most matches pass and building the set would cost more.
      if (few <= fewDocs) where.push(`+fts.rowid IN (SELECT d.rowid FROM docs d WHERE ${conditions})`)
      else {
        where.push(conditions)
        needsJoin = true
      }
      params.push(...tagged.params)
    }
    // The exact day is checked on the joined row, within the rowid range already narrowed.
    where.push(...filters.dayConditions)
    params.push(...filters.dayParams)
    // The matches, as cheaply as they can be had: FTS5 alone unless a condition needs the docs
    // row (CROSS JOIN then keeps fts as the outer loop, so rowid order comes from the index).
    // Only the page's rows are joined to docs for display.
    const matches = needsJoin
      ? `FROM fts CROSS JOIN docs d ON d.rowid = fts.rowid WHERE ${where.join(' AND ')}`
      : `FROM fts WHERE ${where.join(' AND ')}`
    if (sort === 'relevance') {
      // bm25 is computed for every match; for a word in most of the archive that alone would
      // take longer than a person waits, so ranking looks at the newest RELEVANCE_WINDOW matches.
      const bound = this.#sql(`SELECT fts.rowid AS r ${matches} ORDER BY fts.rowid DESC LIMIT 1 OFFSET ?`).get(...params, RELEVANCE_WINDOW - 1) as
        | { r: number }
        | undefined
      const windowed = bound ? `${matches} AND fts.rowid >= ?` : matches
      const rows = this.#sql(
        `SELECT d.* FROM (SELECT fts.rowid AS r, ${BM25} AS score ${windowed} ORDER BY score, fts.rowid DESC LIMIT ? OFFSET ?) m
         CROSS JOIN docs d ON d.rowid = m.r ORDER BY m.score, m.r DESC`,
      ).all(...params, ...(bound ? [bound.r] : []), limit, offset) as DocRow[]
      const total = this.#sql(`SELECT count(*) AS n FROM (SELECT 1 ${matches} LIMIT ?)`).get(...params, countUpTo + 1) as { n: number }
      return { rows, total: total.n, prefixStems, forms }
    }
    // Date order: one pass over the matches, in order, up to the count's limit — the page is a
    // slice of it (countUpTo is at least offset + limit), so the matches are not walked twice.
    const ordered = this.#sql(`SELECT fts.rowid ${matches} ORDER BY fts.rowid ${direction} LIMIT ?`)
      .pluck()
      .all(...params, countUpTo + 1) as number[]
    const page = ordered.slice(offset, offset + limit)
    const byRowid = new Map(
      (page.length > 0 ? (this.#sql('SELECT d.* FROM docs d WHERE d.rowid IN (SELECT value FROM json_each(?))').all(JSON.stringify(page)) as DocRow[]) : []).map((r) => [r.rowid, r]),
    )
    return { rows: page.flatMap((r) => byRowid.get(r) ?? []), total: ordered.length, prefixStems, forms }
  }

  /** Articles in the index; counted again after anything is added or removed. */
  #docCount(): number {
    this.#docs ??= (this.#sql('SELECT count(*) AS n FROM docs').get() as { n: number }).n
    return this.#docs
  }

  /**
   * Which indexed words carry the query's stems, from the words table — so snippets are marked
   * by lookup, without stemming the text of each result again.
   */
  #indexedForms(terms: readonly TextTerm[], prefixStems: ReadonlyMap<string, string[]>): { stemOf: StemOf; formsOf: FormsOf } {
    const stems = new Set<string>()
    const prefixes: string[] = []
    for (const t of terms) {
      if (t.negated) continue
      if (t.kind === 'word') for (const s of queryStems(t.word)) stems.add(s)
      else if (t.kind === 'phrase') for (const w of t.words) for (const s of queryStems(w)) stems.add(s)
      else {
        prefixes.push(t.prefix)
        for (const s of prefixStems.get(t.prefix) ?? []) stems.add(s)
      }
    }
    const forms = { id: new Map<string, string>(), en: new Map<string, string>() }
    const add = (rows: { stem: string; lang: Language; word: string }[]): void => {
      for (const r of rows) forms[r.lang]?.set(r.word, r.stem)
    }
    const byStem = this.#sql('SELECT stem, lang, word FROM words WHERE stem = ?')
    for (const s of stems) add(byStem.all(s) as { stem: string; lang: Language; word: string }[])
    const byStemPrefix = this.#sql('SELECT stem, lang, word FROM words WHERE stem >= ? AND stem < ? LIMIT 5000')
    for (const p of prefixes) add(byStemPrefix.all(p, prefixEnd(p)) as { stem: string; lang: Language; word: string }[])
    const lists = { id: [...forms.id.keys()], en: [...forms.en.keys()] }
    return {
      stemOf: (word, language) => forms[language].get(word) ?? null,
      formsOf: (language) => lists[language],
    }
  }

  /**
   * What each prefix can match: the indexed stems that start with it (searched as exact terms,
   * which FTS5 streams, instead of `pre*`, which it merges in full before returning anything),
   * plus the stems of indexed words that start with it (`pertem*` → `temu`).
   */
  #expandPrefixes(terms: readonly TextTerm[]): Map<string, PrefixExpansion> {
    const out = new Map<string, PrefixExpansion>()
    const stemsStarting = this.#sql('SELECT DISTINCT stem FROM words WHERE stem >= ? AND stem < ? LIMIT ?')
    const stemsOfWords = this.#sql('SELECT DISTINCT stem FROM words WHERE word >= ? AND word < ? LIMIT 50')
    for (const t of terms) {
      if (t.kind !== 'prefix' || out.has(t.prefix)) continue
      const p = t.prefix
      const starting = (stemsStarting.all(p, prefixEnd(p), MAX_PREFIX_TERMS + 1) as { stem: string }[]).map((r) => r.stem)
      const viaWords = (stemsOfWords.all(p, prefixEnd(p)) as { stem: string }[]).map((r) => r.stem)
      const complete = starting.length <= MAX_PREFIX_TERMS
      out.set(p, { stems: [...new Set([...(complete ? starting : []), ...viaWords])], complete })
    }
    return out
  }
}

interface PrefixExpansion {
  /** Exact stems to search for. */
  stems: string[]
  /** False when too many stems start with the prefix: FTS5's own `pre*` is used as well. */
  complete: boolean
}

/** Every article of the archive in its list order, a page at a time. */
function* pagesOf(source: ArchiveSource, pageSize = 5000): Generator<ArticleSummary> {
  for (let offset = 0; ; offset += pageSize) {
    const { items } = source.list({ filter: 'all', offset, limit: pageSize })
    yield* items
    if (items.length < pageSize) return
  }
}

/** The first string after every string that starts with `prefix`, for range scans. */
const prefixEnd = (prefix: string): string => prefix.slice(0, -1) + String.fromCodePoint((prefix.codePointAt(prefix.length - 1) ?? 0) + 1)

/** The FTS5 expression for one term: every stem it may be indexed under. */
function ftsExpression(term: TextTerm, prefixes: ReadonlyMap<string, PrefixExpansion>): string {
  const any = (alternatives: string[]): string => {
    const unique = [...new Set(alternatives)]
    return unique.length === 1 ? (unique[0] as string) : `(${unique.join(' OR ')})`
  }
  switch (term.kind) {
    case 'word':
      return any(queryStems(term.word).map(ftsString))
    case 'prefix': {
      const expansion = prefixes.get(term.prefix) ?? { stems: [], complete: false }
      const exact = expansion.stems.map(ftsString)
      // An empty expansion means no indexed word starts with it: the prefix query finds nothing too.
      return any(expansion.complete && exact.length > 0 ? exact : [`${ftsString(term.prefix)}*`, ...exact])
    }
    case 'phrase':
      // A phrase is matched under each language's stems: word by word in order, in one language.
      return any((['id', 'en'] as const).map((lang) => ftsString(term.words.map((w) => stem(w, lang)).join(' '))))
  }
}

/**
 * Operator filters beside words: the facets as FTS5 terms on the `tags` column (see tagsOf), to
 * require (`all`) or exclude (`none`); read marks, which change too often to be tags, as SQL on `docs d`.
 */
function tagFilters(f: QueryFilters): { all: string[]; none: string[]; conditions: string[]; params: number[] } {
  const term = (kind: string, value: string): string => `tags : ${ftsString(tag(kind, value))}`
  const any = (terms: string[]): string => (terms.length === 1 ? (terms[0] as string) : `(${terms.join(' OR ')})`)
  const all: string[] = []
  const none: string[] = []
  if (f.language) all.push(term('lang', f.language))
  if (f.bookmarked !== undefined) (f.bookmarked ? all : none).push(term('is', 'bookmarked'))
  if (f.hasNote !== undefined) (f.hasNote ? all : none).push(term('has', 'note'))
  if (f.sources.length) all.push(any(f.sources.map((v) => term('src', v))))
  if (f.places.length) all.push(any(f.places.map((v) => term('plc', v))))
  none.push(...f.excludedSources.map((v) => term('src', v)), ...f.excludedPlaces.map((v) => term('plc', v)))
  return f.read === undefined ? { all, none, conditions: [], params: [] } : { all, none, conditions: ['d.read = ?'], params: [+f.read] }
}

/** Operator filters as SQL on `docs d`, with the date range separately as rowid bounds. */
function filterSql(f: QueryFilters): {
  conditions: string[]
  params: (string | number)[]
  dayConditions: string[]
  dayParams: string[]
  minRowid: number | null
  maxRowid: number | null
} {
  const conditions: string[] = []
  const params: (string | number)[] = []
  const add = (condition: string, ...values: (string | number)[]): void => {
    conditions.push(condition)
    params.push(...values)
  }
  if (f.bookmarked !== undefined) add('d.bookmarked = ?', +f.bookmarked)
  if (f.read !== undefined) add('d.read = ?', +f.read)
  if (f.hasNote !== undefined) add('d.has_note = ?', +f.hasNote)
  if (f.language) add('d.lang = ?', f.language)
  // "antara" matches "antara" and "antara news": one range on the index (no LIKE, which would
  // scan every row).
  // Keys hold only letters, digits and single spaces, so [v, v + '!') is exactly v and v + ' …'.
  const keyMatch = (column: string, values: string[]): string => {
    for (const v of values) params.push(v, `${v}!`)
    return values.map(() => `(${column} >= ? AND ${column} < ?)`).join(' OR ')
  }
  if (f.sources.length) conditions.push(`(${keyMatch('d.agency_key', f.sources)})`)
  if (f.excludedSources.length) conditions.push(`(d.agency_key IS NULL OR NOT (${keyMatch('d.agency_key', f.excludedSources)}))`)
  if (f.places.length) conditions.push(`(${keyMatch('d.place_key', f.places)})`)
  if (f.excludedPlaces.length) conditions.push(`(d.place_key IS NULL OR NOT (${keyMatch('d.place_key', f.excludedPlaces)}))`)
  // The rowid range is widened by the span of time zones; the exact calendar day is checked too.
  let minRowid: number | null = null
  let maxRowid: number | null = null
  const dayConditions: string[] = []
  const dayParams: string[] = []
  if (f.from) {
    minRowid = baseRowid(Date.parse(`${f.from}T00:00:00Z`) - 14 * 3600_000)
    dayConditions.push('d.day >= ?')
    dayParams.push(f.from)
  }
  if (f.until) {
    maxRowid = baseRowid(Date.parse(`${f.until}T00:00:00Z`) + 12 * 3600_000 + 1000)
    dayConditions.push('d.day < ?')
    dayParams.push(f.until)
  }
  return { conditions, params, dayConditions, dayParams, minRowid, maxRowid }
}

function summaryOf(row: DocRow): ArticleSummary {
  return {
    id: row.id,
    title: row.title,
    language: row.lang,
    dateline: { place: row.place, agency: row.agency },
    publishedAt: row.published_at,
    savedAt: row.saved_at,
    bookmarked: row.bookmarked === 1,
    read: row.read === 1,
    // The index keeps only whether there is a note; hosts show live counts from archive.summary(id).
    annotationCount: 0,
    noteCount: row.has_note,
  }
}
