// Which of a feed's articles a retention rule lets go. Pure: the archive applies the answer.
import type { Retention } from './subscription'

export interface RetainedArticle {
  articleId: string
  savedAt: string
  publishedAt: string | null
}

/**
 * The ids to drop under `retention` at `now`. Protected articles (bookmarked, annotated) are
 * never dropped and do not count towards keepLast: "keep the last 20" means 20 besides them.
 * keepLast ranks by publication date (saved date when unknown), newest first; keepDays counts
 * from when the article was saved, so an old story fetched today is not dropped at once.
 */
export function articlesToDrop(
  articles: readonly RetainedArticle[],
  retention: Retention,
  now: Date,
  isProtected: (articleId: string) => boolean,
): string[] {
  const candidates = articles.filter((a) => !isProtected(a.articleId))
  const drop = new Set<string>()
  if (retention.keepDays !== undefined) {
    const cutoff = now.getTime() - retention.keepDays * 24 * 60 * 60 * 1000
    for (const a of candidates) if (Date.parse(a.savedAt) < cutoff) drop.add(a.articleId)
  }
  if (retention.keepLast !== undefined) {
    const newestFirst = [...candidates].sort((a, b) => {
      const byDate = Date.parse(b.publishedAt ?? b.savedAt) - Date.parse(a.publishedAt ?? a.savedAt)
      return byDate !== 0 ? byDate : a.articleId < b.articleId ? -1 : 1
    })
    for (const a of newestFirst.slice(retention.keepLast)) drop.add(a.articleId)
  }
  return articles.filter((a) => drop.has(a.articleId)).map((a) => a.articleId)
}
