// The shapes of the archive's files on disk, at their current versions. Every file carries
// a `version`; older files are brought up to these shapes by migrations.ts on read.
//
// To change a shape: bump its *_VERSION here, change the schema, and add one step to the
// matching list in migrations.ts (with the old shape as the step's input) plus a fixture
// of the old format under test/fixtures/archive/.
import { z } from 'zod'
import { AnnotationRecord, ArticleId, Credits, Dateline, Language } from '../../../preload/contract'

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
})
export type ArticleRecord = z.infer<typeof ArticleRecord>

export const CATALOG_VERSION = 2
export const CatalogFile = z.object({
  version: z.literal(CATALOG_VERSION),
  articles: z.array(ArticleRecord),
})
export type CatalogFile = z.infer<typeof CatalogFile>

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

export const STATE_VERSION = 2
/**
 * Small and written often (bookmarks, settings, annotations): never beside bodies or the
 * catalogue, and saved compact — 10,000 annotations pretty-printed would cost ~100 ms a save.
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
