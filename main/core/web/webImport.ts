// Saving web articles into the archive — a fetched page, a saved .html file, a feed item — so
// they read with no network: each article's id is settled first (archive.planArticle), its
// images are kept under that id (media/<id>/), and the HTML points only there.
import type { AddOutcome, AddStatus, Archive, NewArticle } from '../archive/archive'
import { AppError } from '../errors'
import type { WebArticleDraft } from '../import/html/htmlArticle'
import { keepImagesOffline, removeArticleMedia, withoutImages, type OfflineImagesOptions } from '../import/html/offlineImages'
import type { FetchOptions } from '../net/safeFetch'
import type { ExtractArticle } from './articleExtractor'
import { fetchArticle } from './fetchArticle'

export interface PrepareOptions {
  /** False: only images embedded in the page are kept, nothing is fetched (a file from disk). */
  network: boolean
  /** The subscription a feed item came from. */
  feedId?: string | null
  fetch?: OfflineImagesOptions['fetch']
}

export interface PreparedWebArticle {
  article: NewArticle
  /** What the archive said it would do, and under which id the images were kept. */
  plan: { status: AddStatus; id: string }
  imagesSaved: number
  imagesSkipped: number
}

/** The article the archive stores for a draft, with its images kept offline under its id. */
export async function prepareWebArticle(archive: Archive, draft: WebArticleDraft, options: PrepareOptions): Promise<PreparedWebArticle> {
  const { htmlWithRemoteImages, url, byline, siteName, feedGuid, ...text } = draft
  const web = { html: '', url, byline, siteName, feedId: options.feedId ?? null, feedGuid, images: {} }
  const article: NewArticle = { ...text, web }
  const plan = await archive.planArticle(article)
  if (plan.status === 'duplicate') {
    // Nothing will be stored; no image is fetched for it.
    web.html = withoutImages(htmlWithRemoteImages).html
    return { article, plan, imagesSaved: 0, imagesSkipped: 0 }
  }
  const offline = await keepImagesOffline(htmlWithRemoteImages, {
    archiveDir: archive.dir,
    articleId: plan.id,
    network: options.network,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  })
  web.html = offline.html
  Object.assign(web, { images: offline.images })
  return { article, plan, imagesSaved: Object.keys(offline.images).length, imagesSkipped: offline.skipped.length }
}

/**
 * Adds articles in one archive save — `prepared` are the web ones among them. Images kept for
 * an article that did not become one after all (a duplicate after all, or the save failed)
 * are removed again.
 */
export async function addWithImages(archive: Archive, articles: NewArticle[], prepared: readonly PreparedWebArticle[]): Promise<AddOutcome[]> {
  // Only folders made for this batch; a folder whose article became a version of another stays (its HTML points there).
  const tidy = async (unused: (p: PreparedWebArticle) => boolean): Promise<void> => {
    const stray = prepared.filter((p) => p.plan.status === 'imported' && !archive.has(p.plan.id) && unused(p)).map((p) => p.plan.id)
    await Promise.all(stray.map((id) => removeArticleMedia(archive.dir, id).catch(() => {})))
  }
  let outcomes: AddOutcome[]
  try {
    outcomes = await archive.addArticles(articles)
  } catch (e) {
    await tidy(() => true)
    throw e
  }
  await tidy((p) => outcomes[articles.indexOf(p.article)]?.status === 'duplicate')
  return outcomes
}

export interface SavedPage {
  outcome: AddOutcome
  imagesSaved: number
  imagesSkipped: number
}

/** "Save from URL": fetches the page, keeps its article and images. Failures are AppErrors (BAD_URL, HTTP_STATUS…). */
export async function savePage(
  archive: Archive,
  url: string,
  options: { extract: ExtractArticle; fetch: Pick<FetchOptions, 'userAgent' | 'timeoutMs' | 'connectTimeoutMs'> },
): Promise<SavedPage> {
  const draft = await fetchArticle(url, { ...options.fetch, extract: options.extract })
  const prepared = await prepareWebArticle(archive, draft, { network: true, fetch: options.fetch })
  const [outcome] = await addWithImages(archive, [prepared.article], [prepared])
  if (!outcome) throw new AppError('INTERNAL', 'the archive returned no outcome')
  const kept = outcome.status !== 'duplicate'
  return { outcome, imagesSaved: kept ? prepared.imagesSaved : 0, imagesSkipped: kept ? prepared.imagesSkipped : 0 }
}
