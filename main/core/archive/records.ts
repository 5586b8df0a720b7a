// The shapes of the archive's files on disk, at their current versions. Every file carries
// a `version`; older files are brought up to these shapes by migrations.ts on read.
//
// To change a shape: bump its *_VERSION here, change the schema, and add one step to the
// matching list in migrations.ts (with the old shape as the step's input) plus a fixture
// of the old format under test/fixtures/archive/.
import { z } from 'zod'
import { PACK_NAME } from './bodyPacks'
import { AnnotationId, AnnotationRecord, ArticleId, Credits, Dateline, Language } from '../../../preload/contract'

const IsoDate = z.iso.datetime({ offset: true })

/** What an article says about itself, kept in the catalogue and, per version, in its body file. */
export const ArticleMeta = z.object({
  title: z.string(),
  /** True when the title was derived from the first sentence rather than given as a headline. */
  titleDerived: z.boolean(),
  language: Language,
  dateline: Dateline,
  publishedAt: IsoDate.nullable(),
})
export type ArticleMeta = z.infer<typeof ArticleMeta>

/** One article's metadata in the catalogue: enough to list, sort and deduplicate without bodies. */
export const ArticleRecord = z.object({
  id: ArticleId,
  ...ArticleMeta.shape,
  /** True once the user renamed the article; `title` is then the user's. */
  titleEdited: z.boolean(),
  savedAt: IsoDate,
  /** sha256 of the normalised text of the current version; duplicates are found by it. */
  contentHash: z.string(),
  // Where a web article came from, so importing the same story again is recognised (storyKey.ts).
  // Absent for text dispatches, which keeps the catalogue of a large archive small.
  /** The page's address. */
  url: z.string().optional(),
  /** The subscription it came from, and the feed's id for the item. */
  feedId: z.string().optional(),
  feedGuid: z.string().optional(),
  /** The pack holding the body (bodyPacks.ts); absent when the body has a file of its own. */
  pack: z.string().regex(PACK_NAME).optional(),
})
export type ArticleRecord = z.infer<typeof ArticleRecord>

/**
 * v3: what changed since the file was last written is in catalog.json-journal (journal.ts).
 * v4: an entry may name the pack holding its body (bodyPacks.ts), which an older release would not look in.
 */
export const CATALOG_VERSION = 4
export const CatalogFile = z.object({
  version: z.literal(CATALOG_VERSION),
  articles: z.array(ArticleRecord),
})
export type CatalogFile = z.infer<typeof CatalogFile>

/** One entry of catalog.json-journal: records added or replaced whole, then ids removed. */
export const CatalogChange = z.object({
  put: z.array(ArticleRecord).optional(),
  remove: z.array(ArticleId).optional(),
})
export type CatalogChange = z.infer<typeof CatalogChange>

/** Replays journal entries onto a catalogue read from disk (in order; each may be replayed twice). */
export function applyCatalogChanges(catalog: CatalogFile, changes: readonly CatalogChange[]): void {
  if (changes.length === 0) return
  // Where the entries' articles stand, found in one pass rather than by a map of 100,000 ids.
  const touched = new Set(changes.flatMap((c) => [...(c.put ?? []).map((r) => r.id), ...(c.remove ?? [])]))
  const positions = new Map<string, number>()
  catalog.articles.forEach((r, i) => {
    if (touched.has(r.id)) positions.set(r.id, i)
  })
  // A removed article leaves a gap until the end, so the positions stay true.
  const articles: (ArticleRecord | null)[] = catalog.articles
  let removed = false
  for (const change of changes) {
    for (const record of change.put ?? []) {
      const at = positions.get(record.id)
      if (at === undefined) {
        positions.set(record.id, articles.length)
        articles.push(record)
      } else articles[at] = record
    }
    for (const id of change.remove ?? []) {
      const at = positions.get(id)
      if (at === undefined) continue
      articles[at] = null
      positions.delete(id)
      removed = true
    }
  }
  if (removed) catalog.articles = articles.filter((r): r is ArticleRecord => r !== null)
}

const recordKeys = new Set(['id', 'title', 'titleDerived', 'language', 'dateline', 'publishedAt', 'titleEdited', 'savedAt', 'contentHash', 'url', 'feedId', 'feedGuid', 'pack'])
const isoDateTime = z.regexes.datetime({ offset: true, local: false, precision: null })
const articleIdPattern = /^[a-z0-9]{16}$/
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isOptionalString = (v: unknown): boolean => v === undefined || typeof v === 'string'
const isNullableString = (v: unknown): boolean => v === null || typeof v === 'string'

function isArticleRecord(r: unknown): boolean {
  if (!isPlainObject(r)) return false
  // A key the schema does not know is stripped by zod: left to it.
  for (const key in r) if (!recordKeys.has(key)) return false
  const d = r.dateline
  if (!isPlainObject(d)) return false
  for (const key in d) if (key !== 'place' && key !== 'agency') return false
  return (
    typeof r.id === 'string' &&
    articleIdPattern.test(r.id) &&
    typeof r.title === 'string' &&
    typeof r.titleDerived === 'boolean' &&
    (r.language === 'id' || r.language === 'en') &&
    isNullableString(d.place) &&
    isNullableString(d.agency) &&
    (r.publishedAt === null || (typeof r.publishedAt === 'string' && isoDateTime.test(r.publishedAt))) &&
    typeof r.titleEdited === 'boolean' &&
    typeof r.savedAt === 'string' &&
    isoDateTime.test(r.savedAt) &&
    typeof r.contentHash === 'string' &&
    isOptionalString(r.url) &&
    isOptionalString(r.feedId) &&
    isOptionalString(r.feedGuid) &&
    (r.pack === undefined || (typeof r.pack === 'string' && PACK_NAME.test(r.pack)))
  )
}

/**
 * The CatalogFile schema's answer, for a catalogue it would return unchanged, without copying
 * 100,000 records: opening the archive checks every record. False sends the file to the schema
 * (which then explains what is wrong, or strips what it does not know).
 */
export function isCurrentCatalog(json: unknown): json is CatalogFile {
  if (!isPlainObject(json) || json.version !== CATALOG_VERSION || !Array.isArray(json.articles)) return false
  for (const key in json) if (key !== 'version' && key !== 'articles') return false
  return json.articles.every(isArticleRecord)
}

/** An image of a web article kept in the archive: where it came from ("data:" when embedded), its type and size. */
export const SavedImage = z.object({ source: z.string(), type: z.string(), bytes: z.number().int().min(0) })
export type SavedImage = z.infer<typeof SavedImage>

/**
 * One version of an article: its text and what it said about itself, so the catalogue can
 * be rebuilt from body files alone if catalog.json is ever lost.
 */
export const ArticleContent = z.object({
  contentHash: z.string(),
  savedAt: IsoDate,
  /** The file name or address it came from, for the reader's source line. */
  sourceName: z.string().nullable(),
  ...ArticleMeta.shape,
  paragraphs: z.array(z.string()),
  inlineRelated: z.array(z.object({ title: z.string(), afterParagraph: z.number().int() })),
  related: z.array(z.object({ title: z.string(), publishedAt: IsoDate.nullable() })),
  credits: Credits,
  /** Sanitised HTML of a web article, its images pointing at media/<id>/; null for a text dispatch. */
  html: z.string().nullable(),
  url: z.string().nullable(),
  byline: z.string().nullable(),
  siteName: z.string().nullable(),
  feedId: z.string().nullable(),
  feedGuid: z.string().nullable(),
  /** Images kept in media/<id>/ for this version: file name → where it came from. */
  images: z.record(z.string(), SavedImage),
})
export type ArticleContent = z.infer<typeof ArticleContent>

export const BODY_VERSION = 3
/** One file per article, holding every version (newest last), so an import touches only its own file. */
export const BodyFile = z.object({
  version: z.literal(BODY_VERSION),
  id: ArticleId,
  /** The user's title after a rename (mirrors the catalogue, for rebuilding it); null when never renamed. */
  editedTitle: z.string().nullable(),
  versions: z.array(ArticleContent).min(1),
})
export type BodyFile = z.infer<typeof BodyFile>

/**
 * v3: bookmarks and read marks set since the file was last written are in state.json-journal
 * (journal.ts). v4: annotations are journalled too.
 */
export const STATE_VERSION = 4
/**
 * Small and written often (bookmarks, settings, annotations): never beside bodies or the
 * catalogue, and saved compact — 10,000 annotations pretty-printed would cost ~100 ms a save.
 * Bookmarks, read marks and annotations are journalled (a save appends one line); settings
 * rewrite the file, which also empties the journal.
 */
export const StateFile = z.object({
  version: z.literal(STATE_VERSION),
  settings: z.object({
    /** null until the user picks one; the OS language is used meanwhile. */
    language: Language.nullable(),
  }),
  /** articleId → when it was bookmarked */
  bookmarks: z.record(z.string(), IsoDate),
  /** articleId → when it was first opened in the reader */
  read: z.record(z.string(), IsoDate),
  /** Highlights and notes (v2), in the order they were made; see main/core/annotations/. */
  annotations: z.array(AnnotationRecord),
})
export type StateFile = z.infer<typeof StateFile>

/**
 * One entry of state.json-journal: bookmarks and read marks set (a date) or cleared (null);
 * annotations written (new ones at the end, changed ones in place) or removed by id.
 */
export const StateChange = z.object({
  bookmarks: z.record(ArticleId, IsoDate.nullable()).optional(),
  read: z.record(ArticleId, IsoDate.nullable()).optional(),
  annotationsPut: z.array(AnnotationRecord).optional(),
  annotationsRemoved: z.array(AnnotationId).optional(),
})
export type StateChange = z.infer<typeof StateChange>

/**
 * The journal entry that turns one annotation list into another, or null when they hold the
 * same records. Changed records are new objects (the annotation functions never mutate one).
 */
export function annotationChangeOf(before: readonly AnnotationRecord[], after: readonly AnnotationRecord[]): StateChange | null {
  const previous = new Map(before.map((a) => [a.id, a]))
  const kept = new Set(after.map((a) => a.id))
  const annotationsPut = after.filter((a) => previous.get(a.id) !== a)
  const annotationsRemoved = before.filter((a) => !kept.has(a.id)).map((a) => a.id)
  if (annotationsPut.length === 0 && annotationsRemoved.length === 0) return null
  return { ...(annotationsPut.length > 0 ? { annotationsPut } : {}), ...(annotationsRemoved.length > 0 ? { annotationsRemoved } : {}) }
}

/**
 * Replays journal entries onto a state file read from disk (in order; each may be replayed
 * twice). Replayed twice, annotations come out the same, though one deleted and made again
 * may change places in the list (the window shows them by position or date, not by the list).
 */
export function applyStateChanges(state: StateFile, changes: readonly StateChange[]): void {
  for (const change of changes) {
    for (const map of ['bookmarks', 'read'] as const) {
      for (const [id, at] of Object.entries(change[map] ?? {})) {
        if (at === null) delete state[map][id]
        else state[map][id] = at
      }
    }
    const removed = new Set(change.annotationsRemoved ?? [])
    const put = change.annotationsPut ?? []
    if (removed.size === 0 && put.length === 0) continue
    const list = state.annotations.filter((a) => !removed.has(a.id))
    const at = new Map(list.map((a, i) => [a.id, i]))
    for (const annotation of put) {
      const i = at.get(annotation.id)
      if (i === undefined) at.set(annotation.id, list.push(annotation) - 1)
      else list[i] = annotation
    }
    state.annotations = list
  }
}

const isDateMap = (v: unknown): boolean => {
  if (!isPlainObject(v)) return false
  // zod copies a record key by key; "__proto__" would not come out as it went in.
  for (const key in v) if (key === '__proto__' || typeof v[key] !== 'string' || !isoDateTime.test(v[key])) return false
  return true
}
const StateAnnotations = StateFile.shape.annotations

/**
 * The StateFile schema's answer without copying 20,000 read marks: settings and marks are
 * checked here, annotations by their schema. Null sends the file to the schema.
 */
export function currentStateOf(json: unknown): StateFile | null {
  if (!isPlainObject(json) || json.version !== STATE_VERSION) return null
  for (const key in json) if (!['version', 'settings', 'bookmarks', 'read', 'annotations'].includes(key)) return null
  const settings = json.settings
  if (!isPlainObject(settings)) return null
  for (const key in settings) if (key !== 'language') return null
  if (settings.language !== null && settings.language !== 'id' && settings.language !== 'en') return null
  if (!isDateMap(json.bookmarks) || !isDateMap(json.read)) return null
  const annotations = StateAnnotations.safeParse(json.annotations)
  if (!annotations.success) return null
  return { ...(json as StateFile), annotations: annotations.data }
}

export const emptyCatalog = (): CatalogFile => ({ version: CATALOG_VERSION, articles: [] })
export const emptyState = (): StateFile => ({ version: STATE_VERSION, settings: { language: null }, bookmarks: {}, read: {}, annotations: [] })

/** The catalogue entry a body file describes: its newest version, under the user's title if renamed. */
export function recordFromBody(body: BodyFile): ArticleRecord {
  const first = body.versions[0] as ArticleContent
  const newest = body.versions[body.versions.length - 1] as ArticleContent
  return {
    id: body.id,
    title: body.editedTitle ?? newest.title,
    titleDerived: newest.titleDerived,
    titleEdited: body.editedTitle !== null,
    language: newest.language,
    dateline: newest.dateline,
    publishedAt: newest.publishedAt,
    savedAt: first.savedAt,
    contentHash: newest.contentHash,
    ...originOf(newest),
  }
}

/** The catalogue's origin fields for a version: only those it has. */
export function originOf(content: Pick<ArticleContent, 'url' | 'feedId' | 'feedGuid'>): Pick<ArticleRecord, 'url' | 'feedId' | 'feedGuid'> {
  return {
    ...(content.url ? { url: content.url } : {}),
    ...(content.feedId ? { feedId: content.feedId } : {}),
    ...(content.feedGuid ? { feedGuid: content.feedGuid } : {}),
  }
}
