// Benchmark child: a plain SQLite FTS5 table as the other point of comparison — text stored in
// the index (FTS5's default content table), SQLite's unicode61 tokenizer without stemming, bm25,
// and metadata plus bookmarks in an ordinary table sorted by a date index.
//   --phase build: the database built from the generated archive; its size.
//   --phase use:   open to first page, saves, imports, searches.
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { CATALOG_FILE, STATE_FILE } from '../../main/core/archive/archive'
import { readParagraphs } from '../../main/core/search/articleText'
import { parseQuery, type ParsedQuery } from '../../main/core/search/queryParser'
import { queriesByKind, queryKinds } from './benchQueries'
import { argValue, emit, fileSizeMb, peakRssMb, repeat, timed, type Timing } from './measure'
import { createArticleGenerator } from './syntheticArchive'

const dir = argValue('dir')
const ftsDir = argValue('fts')
const n = Number(argValue('n'))
const phase = argValue('phase')
const dbPath = join(ftsDir, 'plain.sqlite')

interface CatalogEntry {
  id: string
  pack?: string
  title: string
  language: string
  dateline: { place: string | null; agency: string | null }
  publishedAt: string | null
  savedAt: string
}

const connect = (): Database.Database => {
  const db = new Database(dbPath)
  db.pragma('journal_mode = WAL')
  return db
}

const storyMs = (a: { publishedAt: string | null; savedAt: string }): number => Date.parse(a.publishedAt ?? a.savedAt)

async function build(): Promise<void> {
  for (const suffix of ['', '-wal', '-shm']) await rm(dbPath + suffix, { force: true })
  const started = performance.now()
  const db = connect()
  db.exec(`
    CREATE TABLE docs (rowid INTEGER PRIMARY KEY, id TEXT UNIQUE, title TEXT, lang TEXT, place TEXT, agency TEXT,
      story_ms INTEGER, day TEXT, bookmarked INTEGER, read INTEGER);
    CREATE INDEX docs_story ON docs(story_ms);
    CREATE INDEX docs_bookmarked ON docs(bookmarked);
    CREATE TABLE annotations (id INTEGER PRIMARY KEY, article_id TEXT, note TEXT);
    CREATE VIRTUAL TABLE fts USING fts5(title, body, tokenize='unicode61 remove_diacritics 2');
  `)
  const catalog = JSON.parse(await readFile(join(dir, CATALOG_FILE), 'utf8')) as { articles: CatalogEntry[] }
  const state = JSON.parse(await readFile(join(dir, STATE_FILE), 'utf8')) as { bookmarks: Record<string, string>; read: Record<string, string> }
  const insertDoc = db.prepare('INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
  const insertText = db.prepare('INSERT INTO fts (rowid, title, body) VALUES (?, ?, ?)')
  for (let i = 0; i < catalog.articles.length; i += 1000) {
    const batch = catalog.articles.slice(i, i + 1000)
    const bodies = await Promise.all(batch.map((r) => readParagraphs(dir, r.id, r.pack)))
    db.transaction(() => {
      for (const [j, r] of batch.entries()) {
        const rowid = i + j + 1
        insertDoc.run(rowid, r.id, r.title, r.language, r.dateline.place?.toLowerCase() ?? null, r.dateline.agency?.toLowerCase() ?? null, storyMs(r), (r.publishedAt ?? r.savedAt).slice(0, 10), +(r.id in state.bookmarks), +(r.id in state.read))
        insertText.run(rowid, r.title, bodies[j]?.join('\n') ?? '')
      }
    })()
  }
  const buildMs = performance.now() - started
  db.close()
  emit({ buildMs, buildRate: n / (buildMs / 1000), indexSizeMb: fileSizeMb(dbPath, `${dbPath}-wal`), peakRssMb: peakRssMb() })
}

/** The same query, unstemmed: words and prefixes as typed, phrases as phrases. */
function toSql(q: ParsedQuery, relevance: boolean): { sql: string; countSql: string; params: (string | number)[] } {
  const text = q.terms.filter((t) => !t.negated).map((t) => (t.kind === 'word' ? `"${t.word}"` : t.kind === 'prefix' ? `"${t.prefix}"*` : `"${t.words.join(' ')}"`))
  const negated = q.terms.filter((t) => t.negated).map((t) => (t.kind === 'word' ? `"${t.word}"` : t.kind === 'prefix' ? `"${t.prefix}"*` : `"${t.words.join(' ')}"`))
  const where: string[] = []
  const params: (string | number)[] = []
  const f = q.filters
  const add = (condition: string, ...values: (string | number)[]): void => {
    where.push(condition)
    params.push(...values)
  }
  if (f.bookmarked !== undefined) add('d.bookmarked = ?', +f.bookmarked)
  if (f.read !== undefined) add('d.read = ?', +f.read)
  if (f.language) add('d.lang = ?', f.language)
  if (f.sources.length) add(`(${f.sources.map(() => '(d.agency = ? OR d.agency LIKE ?)').join(' OR ')})`, ...f.sources.flatMap((s) => [s, `${s} %`]))
  if (f.places.length) add(`(${f.places.map(() => '(d.place = ? OR d.place LIKE ?)').join(' OR ')})`, ...f.places.flatMap((s) => [s, `${s} %`]))
  if (f.from) add('d.day >= ?', f.from)
  if (f.until) add('d.day < ?', f.until)
  if (negated.length) add('d.rowid NOT IN (SELECT rowid FROM fts WHERE fts MATCH ?)', negated.join(' OR '))
  if (text.length === 0) {
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : ''
    return { sql: `SELECT d.* FROM docs d ${clause} ORDER BY d.story_ms DESC LIMIT 20`, countSql: `SELECT count(*) AS n FROM docs d ${clause}`, params }
  }
  const clause = ['fts MATCH ?', ...where].join(' AND ')
  const order = relevance ? 'fts.rank' : 'd.story_ms DESC'
  return {
    sql: `SELECT d.*, snippet(fts, 1, '[', ']', '…', 12) AS snip FROM fts JOIN docs d ON d.rowid = fts.rowid WHERE ${clause} ORDER BY ${order} LIMIT 20`,
    countSql: `SELECT count(*) AS n FROM fts JOIN docs d ON d.rowid = fts.rowid WHERE ${clause}`,
    params: [text.join(' AND '), ...params],
  }
}

async function use(): Promise<void> {
  const opened = await timed(() => {
    const db = connect()
    const first = db.prepare('SELECT * FROM docs ORDER BY story_ms DESC LIMIT 100').all()
    return { db, first }
  })
  const { db } = opened.value
  const ids = (db.prepare('SELECT id FROM docs').all() as { id: string }[]).map((r) => r.id)
  const setBookmark = db.prepare('UPDATE docs SET bookmarked = 1 - bookmarked WHERE id = ?')
  const bookmarkSave = await repeat(40, (i) => setBookmark.run(ids[(Math.abs(i) * 7919) % ids.length]))
  const addAnnotation = db.prepare('INSERT INTO annotations (article_id, note) VALUES (?, ?)')
  const annotationSave = await repeat(40, (i) => addAnnotation.run(ids[Math.abs(i) % ids.length], 'catatan'))

  const search: Record<string, { newest: Timing; relevance: Timing; hits: Record<string, number> }> = {}
  const run = (query: string, relevance: boolean): number => {
    const { sql, countSql, params } = toSql(parseQuery(query), relevance)
    db.prepare(sql).all(...params)
    return (db.prepare(countSql).get(...params) as { n: number }).n
  }
  for (const kind of queryKinds) {
    const queries = queriesByKind[kind]
    const hits: Record<string, number> = {}
    for (const q of queries) hits[q] = run(q, false)
    const newest = await repeat(30, (i) => run(queries[Math.abs(i) % queries.length] as string, false))
    const relevance = await repeat(30, (i) => run(queries[Math.abs(i) % queries.length] as string, true))
    search[kind] = { newest, relevance, hits }
  }

  const next = createArticleGenerator(n + 4242)
  const insertDoc = db.prepare('INSERT INTO docs (id, title, lang, place, agency, story_ms, day, bookmarked, read) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0)')
  const insertText = db.prepare('INSERT INTO fts (rowid, title, body) VALUES (?, ?, ?)')
  const removeDoc = db.prepare('DELETE FROM docs WHERE rowid = ?')
  const removeText = db.prepare('DELETE FROM fts WHERE rowid = ?')
  const added: number[] = []
  const importTime = await timed(() => {
    for (let b = 0; b < 5; b++) {
      db.transaction(() => {
        for (let k = 0; k < 100; k++) {
          const a = next()
          const { lastInsertRowid } = insertDoc.run(`imp${b}x${k}`, a.title, a.language, a.dateline.place, a.dateline.agency, storyMs(a), (a.publishedAt ?? a.savedAt).slice(0, 10))
          insertText.run(lastInsertRowid, a.title, a.paragraphs.join('\n'))
          added.push(Number(lastInsertRowid))
        }
      })()
    }
  })
  db.transaction(() => {
    for (const rowid of added) {
      removeText.run(rowid)
      removeDoc.run(rowid)
    }
  })()
  db.close()
  emit({
    openToFirstPageMs: opened.ms,
    bookmarkSave,
    annotationSave,
    search,
    import: { rate: 500 / (importTime.ms / 1000) },
    peakRssMb: peakRssMb(),
  })
}

await (phase === 'build' ? build() : use())
