// The versions of an article: what an importer's article becomes in the body file, and what a
// newer version of the same story changes in the catalogue entry (never the user's own title).
import type { ArticleContent, ArticleRecord, SavedImage } from './records'
import { originOf } from './records'

/** What a web article adds to an imported one (see main/core/import/html). */
export interface WebArticleFields {
  /** Sanitised HTML, its images pointing at media/<id>/. */
  html: string
  url: string | null
  byline: string | null
  siteName: string | null
  feedId: string | null
  feedGuid: string | null
  images: Record<string, SavedImage>
}

/** The parts of an imported article a version keeps. */
export interface VersionSource {
  title: string
  titleDerived: boolean
  language: ArticleContent['language']
  dateline: ArticleContent['dateline']
  publishedAt: string | null
  paragraphs: string[]
  inlineRelated: ArticleContent['inlineRelated']
  related: ArticleContent['related']
  credits: ArticleContent['credits']
  sourceName: string | null
  web?: WebArticleFields | undefined
}

export function versionOf(article: VersionSource, contentHash: string, savedAt: string): ArticleContent {
  const web = article.web
  return {
    contentHash,
    savedAt,
    sourceName: article.sourceName,
    title: article.title,
    titleDerived: article.titleDerived,
    language: article.language,
    dateline: article.dateline,
    publishedAt: article.publishedAt,
    paragraphs: article.paragraphs,
    inlineRelated: article.inlineRelated,
    related: article.related,
    credits: article.credits,
    html: web?.html ?? null,
    url: web?.url ?? null,
    byline: web?.byline ?? null,
    siteName: web?.siteName ?? null,
    feedId: web?.feedId ?? null,
    feedGuid: web?.feedGuid ?? null,
    images: web?.images ?? {},
  }
}

/**
 * The catalogue entry once `content` is the newest version. The user's title stays if they
 * renamed the article; where the story came from is only ever added to (a dispatch re-sent as
 * text does not make a saved page forget its address).
 */
export function recordWithVersion(record: ArticleRecord, content: ArticleContent): ArticleRecord {
  return {
    ...record,
    title: record.titleEdited ? record.title : content.title,
    titleDerived: content.titleDerived,
    language: content.language,
    dateline: content.dateline,
    publishedAt: content.publishedAt,
    contentHash: content.contentHash,
    ...originOf(content),
  }
}
