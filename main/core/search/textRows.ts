// The text rows of the search index (see searchIndex.ts for the layout): how an article's words,
// notes and facets are written to `fts`, and the `words` table kept beside it. Shared by the
// index in main and by the worker that builds bodies in bulk (textPassWorker.ts), so both write
// exactly the same rows.
import Database from 'better-sqlite3'
import type { Language } from '../../../preload/contract'
import { StemMemo } from './wordForms'

export interface DocRow {
  rowid: number
  id: string
  title: string
  lang: Language
  place: string | null
  agency: string | null
  place_key: string | null
  agency_key: string | null
  published_at: string | null
  saved_at: string
  bookmarked: number
  read: number
  has_note: number
  /** 0: no FTS row; 1: FTS row current; 2: FTS row present but outdated. */
  indexed: number
  notes: string
}

/** What a text row is written from: the words, and the facets its tags carry. */
export type TaggedRow = Pick<DocRow, 'rowid' | 'id' | 'title' | 'lang' | 'indexed' | 'place_key' | 'agency_key' | 'bookmarked' | 'has_note'>

/** The text of one article for a batch: `paragraphs: null` writes the title (and notes) only. */
export interface BatchText {
  id: string
  paragraphs: readonly string[] | null
  notes: readonly string[]
}

/**
 * The operators' facets as tokens of the text row's `tags` column, so a word and a filter are
 * answered together by FTS5 (which skips through both lists) rather than by checking every match
 * against `docs`. A source or place gives a token for each leading run of its words, as `source:`
 * matches them ("antara" and "antara news" for ANTARA News); `·` cannot occur in a folded word.
 */
export function tagsOf(row: Pick<TaggedRow, 'lang' | 'place_key' | 'agency_key' | 'bookmarked' | 'has_note'>): string[] {
  const tags = [tag('lang', row.lang)]
  if (row.bookmarked) tags.push(tag('is', 'bookmarked'))
  if (row.has_note) tags.push(tag('has', 'note'))
  for (const [kind, key] of [['src', row.agency_key], ['plc', row.place_key]] as const) {
    const words = key ? key.split(' ') : []
    for (let n = 1; n <= words.length; n++) tags.push(tag(kind, words.slice(0, n).join(' ')))
  }
  return tags
}

export const tag = (kind: string, value: string): string => `${kind}·${value.replace(/ /g, '·')}`

const CORRUPT = /^SQLITE_(CORRUPT|NOTADB)/

export const isCorruption = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && CORRUPT.test(String((e as { code?: unknown }).code ?? ''))

/** A connection to the index file with the settings every writer uses. */
export function connectIndex(path: string, options: { nativeBinding?: string | undefined; cacheKb: number }): Database.Database {
  const db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
  try {
    db.pragma('journal_mode = WAL')
    // FULL syncs each commit's own WAL pages. The index is derived and could lose them, but
    // left dirty (NORMAL) they were flushed by the archive's next journal fdatasync, which
    // shares the filesystem's journal: bookmark saves went from 0.9 to 2–4 ms p95 at 100k.
    db.pragma('synchronous = FULL')
    db.pragma(`cache_size = -${options.cacheKb}`)
    db.exec('CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID')
    return db
  } catch (e) {
    db.close()
    throw e
  }
}

/** Writes text rows over one connection; a new connection (a reset index) gets a new writer. */
export class TextRows {
  readonly #db: Database.Database
  readonly #memo = new StemMemo()
  /** (stem, language, word) pairs met since the last flush, for the words table. */
  #newWords: [string, Language, string][] = []
  readonly #statements = new Map<string, Database.Statement>()

  constructor(db: Database.Database) {
    this.#db = db
    this.#memo.onNewWord = (word, s, language) => this.#newWords.push([s, language, word])
  }

  #sql(sql: string): Database.Statement {
    let statement = this.#statements.get(sql)
    if (!statement) {
      statement = this.#db.prepare(sql)
      this.#statements.set(sql, statement)
    }
    return statement
  }

  /** Replaces the FTS row; `indexedAs` 2 marks a title-only row that still waits for its body. Call flushWords() before the transaction ends. */
  write(row: TaggedRow, paragraphs: readonly string[], notes: readonly string[], indexedAs: 1 | 2 = 1): void {
    if (row.indexed !== 0) this.#sql('DELETE FROM fts WHERE rowid = ?').run(row.rowid)
    const lang = row.lang
    this.#sql('INSERT INTO fts (rowid, title, body, notes, tags) VALUES (?, ?, ?, ?, ?)').run(
      row.rowid,
      this.#memo.stemText(row.title, lang),
      this.#memo.stemText(paragraphs.join('\n'), lang),
      this.#memo.stemText(notes.join('\n'), lang),
      tagsOf(row).join(' '),
    )
    this.#sql('UPDATE docs SET indexed = ?, notes = ? WHERE rowid = ?').run(indexedAs, notes.join('\n'), row.rowid)
  }

  flushWords(): void {
    if (this.#newWords.length === 0) return
    const insert = this.#sql('INSERT OR IGNORE INTO words (stem, lang, word) VALUES (?, ?, ?)')
    for (const [s, lang, w] of this.#newWords) insert.run(s, lang, w)
    this.#newWords = []
  }

  /**
   * Writes the text of a batch in one transaction, skipping articles removed or indexed (by an
   * import) meanwhile. Returns how many rows were written.
   */
  writeBatch(batch: readonly BatchText[]): number {
    let written = 0
    this.#db.transaction(() => {
      for (const { id, paragraphs, notes } of batch) {
        const row = this.#sql('SELECT * FROM docs WHERE id = ?').get(id) as DocRow | undefined
        if (!row || row.indexed === 1 || (paragraphs === null && row.indexed !== 0)) continue
        this.write(row, paragraphs ?? [], notes, paragraphs === null ? 2 : 1)
        written++
      }
      this.flushWords()
    })()
    return written
  }
}
