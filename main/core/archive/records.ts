// The shapes of the archive's files on disk. Every file carries a version so later
// releases can migrate forward; reads are checked against these schemas.
import { z } from 'zod'
import { ArticleId, Credits, Dateline, Language } from '../../../preload/contract'

const IsoDate = z.iso.datetime({ offset: true })

/** One article's metadata in the catalogue: enough to list, sort and deduplicate without bodies. */
export const ArticleRecord = z.object({
  id: ArticleId,
  title: z.string(),
  titleDerived: z.boolean(),
  titleEdited: z.boolean(),
  language: Language,
  dateline: Dateline,
  publishedAt: IsoDate.nullable(),
  savedAt: IsoDate,
  /** sha256 of the normalised text of the current version; duplicates are found by it. */
  contentHash: z.string(),
})
export type ArticleRecord = z.infer<typeof ArticleRecord>

export const CATALOG_VERSION = 1
export const CatalogFile = z.object({
  version: z.literal(CATALOG_VERSION),
  articles: z.array(ArticleRecord),
})
export type CatalogFile = z.infer<typeof CatalogFile>

/** The text of one version of an article. */
export const ArticleContent = z.object({
  contentHash: z.string(),
  savedAt: IsoDate,
  /** The file name or address it came from, for the reader's source line. */
  sourceName: z.string().nullable(),
  paragraphs: z.array(z.string()),
  inlineRelated: z.array(z.object({ title: z.string(), afterParagraph: z.number().int() })),
  related: z.array(z.object({ title: z.string(), publishedAt: IsoDate.nullable() })),
  credits: Credits,
})
export type ArticleContent = z.infer<typeof ArticleContent>

export const BODY_VERSION = 1
/** One file per article, holding every version (newest last), so an import touches only its own file. */
export const BodyFile = z.object({
  version: z.literal(BODY_VERSION),
  id: ArticleId,
  versions: z.array(ArticleContent).min(1),
})
export type BodyFile = z.infer<typeof BodyFile>

export const STATE_VERSION = 1
/** Small and written often (bookmarks, settings): never beside bodies or the catalogue. */
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
})
export type StateFile = z.infer<typeof StateFile>

export const emptyCatalog = (): CatalogFile => ({ version: CATALOG_VERSION, articles: [] })
export const emptyState = (): StateFile => ({ version: STATE_VERSION, settings: { language: null }, bookmarks: {}, read: {} })
