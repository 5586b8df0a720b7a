// The local archive: a catalogue of article metadata, one body file per article, and a
// small state file for what changes often. Laid out so a bookmark never rewrites bodies
// or the catalogue, and an import never rewrites other articles' bodies.
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { Low } from 'lowdb'
import type { Article, ArticleSummary, Language } from '../../../preload/contract'
import { AppError } from '../errors'
import { AtomicJsonFile } from './atomicJsonFile'
import {
  ArticleRecord,
  BodyFile,
  BODY_VERSION,
  CatalogFile,
  StateFile,
  emptyCatalog,
  emptyState,
  type ArticleContent,
} from './records'

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
}

export const CATALOG_FILE = 'catalog.json'
export const STATE_FILE = 'state.json'
export const ARTICLES_DIR = 'articles'

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

export const bodyPath = (dir: string, id: string): string => join(dir, ARTICLES_DIR, id.slice(0, 2), `${id}.json`)

export class Archive {
  readonly dir: string
  readonly #catalog: Low<CatalogFile>
  readonly #state: Low<StateFile>
  readonly #now: () => Date
  readonly #byId = new Map<string, ArticleRecord>()
  readonly #byHash = new Map<string, string>()
  readonly #byTitle = new Map<string, string>()
  /** Newest first; rebuilt lazily after the catalogue changes. */
  #ordered: ArticleRecord[] | null = null

  private constructor(dir: string, catalog: Low<CatalogFile>, state: Low<StateFile>, now: () => Date) {
    this.dir = dir
    this.#catalog = catalog
    this.#state = state
    this.#now = now
    for (const record of catalog.data.articles) this.#index(record)
  }

  static async open(dir: string, options: ArchiveOptions = {}): Promise<Archive> {
    const catalog = new Low(new AtomicJsonFile(join(dir, CATALOG_FILE), { schema: CatalogFile }), emptyCatalog())
    const state = new Low(new AtomicJsonFile(join(dir, STATE_FILE), { schema: StateFile, pretty: true }), emptyState())
    await Promise.all([catalog.read(), state.read()])
    return new Archive(dir, catalog, state, options.now ?? (() => new Date()))
  }

  // -- settings --------------------------------------------------------------

  get language(): Language | null {
    return this.#state.data.settings.language
  }

  async setLanguage(language: Language): Promise<void> {
    await this.#mutateState(
      (s) => {
        const previous = s.settings.language
        s.settings.language = language
        return () => (s.settings.language = previous)
      },
    )
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

  async getArticle(id: string): Promise<Article> {
    const record = this.#record(id)
    const body = await this.#readBody(id)
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
   * repeated within the batch) come back as duplicates and change nothing.
   */
  async addArticles(articles: NewArticle[]): Promise<AddOutcome[]> {
    const outcomes: AddOutcome[] = []
    const added: ArticleRecord[] = []
    const savedAt = this.#now().toISOString()
    for (const article of articles) {
      const contentHash = contentHashOf(article)
      const existing = this.#byHash.get(contentHash)
      if (existing) {
        outcomes.push({ status: 'duplicate', article: this.summary(existing) })
        continue
      }
      const id = contentHash.slice(0, 16)
      const record: ArticleRecord = {
        id,
        title: article.title,
        titleDerived: article.titleDerived,
        titleEdited: false,
        language: article.language,
        dateline: article.dateline,
        publishedAt: article.publishedAt,
        savedAt,
        contentHash,
      }
      await this.#writeBody({
        version: BODY_VERSION,
        id,
        versions: [
          {
            contentHash,
            savedAt,
            sourceName: article.sourceName,
            paragraphs: article.paragraphs,
            inlineRelated: article.inlineRelated,
            related: article.related,
            credits: article.credits,
          },
        ],
      })
      this.#index(record)
      added.push(record)
      outcomes.push({ status: 'imported', article: this.#summaryOf(record) })
    }
    if (added.length > 0) {
      this.#catalog.data.articles.push(...added)
      this.#ordered = null
      try {
        await this.#catalog.write()
      } catch (e) {
        // Not on disk, so not in the archive: forget them rather than show unsaved articles.
        const ids = new Set(added.map((r) => r.id))
        this.#catalog.data.articles = this.#catalog.data.articles.filter((r) => !ids.has(r.id))
        for (const r of added) this.#unindex(r)
        throw e
      }
    }
    return outcomes
  }

  async setBookmark(id: string, bookmarked: boolean): Promise<boolean> {
    this.#record(id)
    await this.#mutateState((s) => {
      const previous = s.bookmarks[id]
      if (bookmarked) s.bookmarks[id] = previous ?? this.#now().toISOString()
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
    if (id in this.#state.data.read) return
    await this.#mutateState((s) => {
      s.read[id] = this.#now().toISOString()
      return () => delete s.read[id]
    })
  }

  async rename(id: string, title: string): Promise<ArticleSummary> {
    const record = this.#record(id)
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
      throw e
    }
    return this.#summaryOf(record)
  }

  // -- internals -------------------------------------------------------------

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

  /** Applies a change to the state file; if the save fails the change is undone in memory too. */
  async #mutateState(change: (s: StateFile) => () => void): Promise<void> {
    const undo = change(this.#state.data)
    try {
      await this.#state.write()
    } catch (e) {
      undo()
      throw e
    }
  }

  async #readBody(id: string): Promise<BodyFile> {
    const adapter = new AtomicJsonFile(bodyPath(this.dir, id), { schema: BodyFile })
    const body = await adapter.read()
    if (!body) throw new AppError('NOT_FOUND', `The text of article ${id} is missing from the archive`, { id })
    return body
  }

  async #writeBody(body: BodyFile): Promise<void> {
    await new AtomicJsonFile(bodyPath(this.dir, body.id), { schema: BodyFile }).write(body)
  }
}

export const openArchive = (dir: string, options?: ArchiveOptions): Promise<Archive> => Archive.open(dir, options)
