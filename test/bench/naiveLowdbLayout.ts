// Benchmark child: the naive layout Warta is compared with — everything (articles with their
// bodies, bookmarks, annotations) in one db.json through lowdb's own JSONFile, and search as a
// scan with String.includes over lower-cased text (no stemming: `senjata` does not find
// `persenjataan`, so hit counts differ from Warta's).
//   --phase prepare: writes db.json from the generated archive (not measured).
//   --phase use:     open to first page, saves, imports, scans.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { JSONFile } from 'lowdb/node'
import { Low } from 'lowdb'
import { CATALOG_FILE, STATE_FILE } from '../../main/core/archive/archive'
import { readParagraphs } from '../../main/core/search/articleText'
import { parseQuery, type ParsedQuery } from '../../main/core/search/queryParser'
import { queriesByKind, queryKinds } from './benchQueries'
import { argValue, emit, peakRssMb, repeat, timed, type Timing } from './measure'
import { createArticleGenerator } from './syntheticArchive'

interface NaiveArticle {
  id: string
  title: string
  language: 'id' | 'en'
  dateline: { place: string | null; agency: string | null }
  publishedAt: string | null
  savedAt: string
  paragraphs: string[]
}
interface NaiveDb {
  articles: NaiveArticle[]
  bookmarks: Record<string, string>
  read: Record<string, string>
  annotations: { id: string; articleId: string; note: string }[]
}

const dir = argValue('dir')
const naiveDir = argValue('naive')
const n = Number(argValue('n'))
const phase = argValue('phase')
const dbPath = join(naiveDir, 'db.json')

async function prepare(): Promise<void> {
  const catalog = JSON.parse(await readFile(join(dir, CATALOG_FILE), 'utf8')) as { articles: (Omit<NaiveArticle, 'paragraphs'> & { pack?: string })[] }
  const state = JSON.parse(await readFile(join(dir, STATE_FILE), 'utf8')) as { bookmarks: Record<string, string>; read: Record<string, string> }
  const articles: NaiveArticle[] = []
  for (const r of catalog.articles) {
    const paragraphs = (await readParagraphs(dir, r.id, r.pack)) ?? []
    articles.push({
      id: r.id,
      title: r.title,
      language: r.language,
      dateline: r.dateline,
      publishedAt: r.publishedAt,
      savedAt: r.savedAt,
      paragraphs,
    })
  }
  const db = new Low<NaiveDb>(new JSONFile(dbPath), { articles: [], bookmarks: {}, read: {}, annotations: [] })
  db.data = { articles, bookmarks: state.bookmarks, read: state.read, annotations: [] }
  await db.write()
  emit({ prepared: articles.length })
}

const storyTime = (a: NaiveArticle): number => Date.parse(a.publishedAt ?? a.savedAt)

/** The scan: every article's lower-cased text checked with includes. */
function scan(db: NaiveDb, haystacks: string[], q: ParsedQuery, relevance: boolean): { total: number; page: NaiveArticle[] } {
  const f = q.filters
  const matches: { a: NaiveArticle; score: number }[] = []
  for (const [i, a] of db.articles.entries()) {
    if (f.language && a.language !== f.language) continue
    if (f.bookmarked !== undefined && a.id in db.bookmarks !== f.bookmarked) continue
    if (f.read !== undefined && a.id in db.read !== f.read) continue
    const agency = a.dateline.agency?.toLowerCase() ?? ''
    if (f.sources.length && !f.sources.some((s) => agency === s || agency.startsWith(`${s} `))) continue
    const place = a.dateline.place?.toLowerCase() ?? ''
    if (f.places.length && !f.places.some((p) => place === p || place.startsWith(`${p} `))) continue
    const day = (a.publishedAt ?? a.savedAt).slice(0, 10)
    if ((f.from && day < f.from) || (f.until && day >= f.until)) continue
    const text = haystacks[i] as string
    let ok = true
    let score = 0
    for (const t of q.terms) {
      const needle = t.kind === 'word' ? t.word : t.kind === 'prefix' ? t.prefix : t.words.join(' ')
      const found = text.includes(needle)
      if (found === t.negated) {
        ok = false
        break
      }
      if (relevance && found) score += text.split(needle).length - 1
    }
    if (ok) matches.push({ a, score })
  }
  matches.sort((x, y) => (relevance ? y.score - x.score : 0) || storyTime(y.a) - storyTime(x.a))
  return { total: matches.length, page: matches.slice(0, 20).map((m) => m.a) }
}

async function use(): Promise<void> {
  const opened = await timed(async () => {
    const db = new Low<NaiveDb>(new JSONFile(dbPath), { articles: [], bookmarks: {}, read: {}, annotations: [] })
    await db.read()
    const first = [...db.data.articles].sort((a, b) => storyTime(b) - storyTime(a)).slice(0, 100)
    return { db, first }
  })
  const { db } = opened.value
  const saves = n >= 100_000 ? 4 : n >= 10_000 ? 10 : 30
  const ids = db.data.articles.map((a) => a.id)
  const bookmarkSave = await repeat(
    saves,
    async (i) => {
      const id = ids[(Math.abs(i) * 7919) % ids.length] as string
      if (id in db.data.bookmarks) delete db.data.bookmarks[id]
      else db.data.bookmarks[id] = new Date().toISOString()
      await db.write()
    },
    1,
  )
  const annotationSave = await repeat(
    saves,
    async (i) => {
      db.data.annotations.push({ id: `a${i}`, articleId: ids[0] as string, note: 'catatan' })
      await db.write()
    },
    1,
  )
  const prep = await timed(() => db.data.articles.map((a) => `${a.title}\n${a.paragraphs.join('\n')}`.toLowerCase()))
  const haystacks = prep.value
  const runs = n >= 100_000 ? 6 : 20
  const search: Record<string, { newest: Timing; relevance: Timing; hits: Record<string, number> }> = {}
  for (const kind of queryKinds) {
    const queries = queriesByKind[kind].map((q) => ({ q, parsed: parseQuery(q) }))
    const hits: Record<string, number> = {}
    for (const { q, parsed } of queries) hits[q] = scan(db.data, haystacks, parsed, false).total
    const newest = await repeat(runs, (i) => scan(db.data, haystacks, queries[Math.abs(i) % queries.length]!.parsed, false), 1)
    const relevance = await repeat(runs, (i) => scan(db.data, haystacks, queries[Math.abs(i) % queries.length]!.parsed, true), 1)
    search[kind] = { newest, relevance, hits }
  }
  const next = createArticleGenerator(n + 4242)
  const batches = n >= 100_000 ? 2 : 3
  let importMs = 0
  for (let b = 0; b < batches; b++) {
    const added = Array.from({ length: 100 }, (_, k) => {
      const a = next()
      return { ...a, id: `imp${b}x${k}`.padEnd(16, '0') }
    })
    const t = await timed(async () => {
      db.data.articles.push(...added)
      await db.write()
    })
    importMs += t.ms
  }
  emit({
    openToFirstPageMs: opened.ms,
    bookmarkSave,
    annotationSave,
    searchPrepMs: prep.ms,
    search,
    import: { rate: (batches * 100) / (importMs / 1000) },
    peakRssMb: peakRssMb(),
  })
}

try {
  await (phase === 'prepare' ? prepare() : use())
} catch (e) {
  // At 100,000 articles the single file can outgrow what V8 can hold in one string: that is a result.
  emit({ error: (e as Error).message.slice(0, 200), peakRssMb: peakRssMb() })
}
