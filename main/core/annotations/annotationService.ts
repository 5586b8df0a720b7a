// What the handlers call for annotations. It works over a small host interface the Archive
// provides (its state file holds the list), so the archive stays the only owner of files and
// each operation is one state-file save — milliseconds, however many articles there are.
import type { Article, ArticleSummary, Language } from '../../../preload/contract'
import { AppError } from '../errors'
import {
  anchorArticleAnnotations,
  countAnnotations,
  createAnnotation,
  deleteAnnotation,
  restoreAnnotation,
  searchAnnotations,
  updateAnnotation,
  type AnnotationCount,
  type AnnotationPatch,
  type AnnotationQuery,
  type NewAnnotation,
} from './annotationList'
import { annotationsToMarkdown, markdownFileName } from './markdownExport'
import { markdownLabels } from './markdownLabels'
import { AnnotationRecord, type AnchoredAnnotation, type AnnotationImportResult, type AnnotationListItem } from './model'
import { exportWebAnnotations, importWebAnnotations } from './webAnnotation'

type List = readonly AnnotationRecord[]

/**
 * A change to the list. The archive may apply it later than it was asked for (saves are
 * queued), so `apply` works on whatever the list holds then, by id; `revert` undoes it if
 * the state file cannot be saved. Either may throw an AppError (NOT_FOUND) before anything
 * changes.
 */
export interface AnnotationChange {
  apply(list: List): AnnotationRecord[]
  revert(list: List): AnnotationRecord[]
}

/** What the archive lends the annotation service. `has`, `summary` and `getArticle` exist already. */
export interface AnnotationHost {
  /** The state file's list as it stands. */
  readonly annotations: List
  /** Applies the change to the state file's list and saves it; if the save fails, reverts and rethrows. */
  changeAnnotations(change: AnnotationChange): Promise<void>
  has(articleId: string): boolean
  summary(articleId: string): ArticleSummary
  getArticle(articleId: string): Promise<Article>
  /** The content hash of the article's current version (the catalogue record's `contentHash`). */
  contentHash(articleId: string): string
}

export interface AnnotationServiceOptions {
  now?: () => Date
  newId?: () => string
}

const without = (list: List, ids: ReadonlySet<string>): AnnotationRecord[] => list.filter((a) => !ids.has(a.id))
const withAdded = (list: List, records: readonly AnnotationRecord[]): AnnotationRecord[] => {
  const present = new Set(list.map((a) => a.id))
  return [...list, ...records.filter((r) => !present.has(r.id))]
}
const replaced = (list: List, record: AnnotationRecord): AnnotationRecord[] => list.map((a) => (a.id === record.id ? record : a))

export class AnnotationService {
  readonly #host: AnnotationHost
  readonly #now: () => Date
  readonly #newId: () => string

  constructor(host: AnnotationHost, options: AnnotationServiceOptions = {}) {
    this.#host = host
    this.#now = options.now ?? (() => new Date())
    this.#newId = options.newId ?? (() => crypto.randomUUID())
  }

  /** Highlights `[start, end)` of the article's plain text; the quote is taken from the stored text, not from the caller. */
  async create(articleId: string, input: NewAnnotation): Promise<AnchoredAnnotation> {
    const article = await this.#host.getArticle(articleId)
    const { annotation } = createAnnotation(
      [],
      { id: articleId, paragraphs: article.paragraphs, contentHash: this.#host.contentHash(articleId) },
      input,
      { id: this.#newId(), now: this.#now() },
    )
    await this.#host.changeAnnotations({
      apply: (list) => withAdded(list, [annotation]),
      revert: (list) => without(list, new Set([annotation.id])),
    })
    const { start, end } = annotation.position
    return { ...annotation, anchor: { status: 'placed', start, end, text: annotation.quote.exact } }
  }

  /** Undo of a delete: the same record, same id, back in place. Already there: nothing changes. */
  async restore(record: AnnotationRecord): Promise<{ restored: boolean }> {
    const annotation = AnnotationRecord.parse(record)
    if (!this.#host.has(annotation.articleId)) {
      throw new AppError('NOT_FOUND', `No article ${annotation.articleId} in the archive`, { id: annotation.articleId })
    }
    if (this.#host.annotations.some((a) => a.id === annotation.id)) return { restored: false }
    let restored = false
    await this.#host.changeAnnotations({
      apply: (list) => {
        const result = restoreAnnotation(list, annotation)
        restored = result.restored
        return result.list
      },
      revert: (list) => (restored ? without(list, new Set([annotation.id])) : [...list]),
    })
    return { restored }
  }

  /** Changes colour and/or note; an empty note removes it. */
  async update(id: string, patch: AnnotationPatch): Promise<AnnotationRecord> {
    // Checked now for a prompt NOT_FOUND and to skip a save that would change nothing;
    // computed again on the list as it is when the change is applied.
    const now = this.#now()
    const planned = updateAnnotation(this.#host.annotations, id, patch, now)
    if (!planned.changed) return planned.annotation
    let outcome = planned
    await this.#host.changeAnnotations({
      apply: (list) => {
        outcome = updateAnnotation(list, id, patch, now)
        return outcome.list
      },
      revert: (list) => replaced(list, outcome.previous),
    })
    return outcome.annotation
  }

  /** Deletes and hands back the record, so the UI can offer undo through `restore`. */
  async delete(id: string): Promise<AnnotationRecord> {
    let removed = deleteAnnotation(this.#host.annotations, id).removed
    await this.#host.changeAnnotations({
      apply: (list) => {
        const result = deleteAnnotation(list, id)
        removed = result.removed
        return result.list
      },
      revert: (list) => withAdded(list, [removed]),
    })
    return removed
  }

  /** One article's annotations on its current text: placed ones in reading order, then the unplaced. */
  async forArticle(articleId: string): Promise<{ placed: AnchoredAnnotation[]; unplaced: AnchoredAnnotation[] }> {
    const article = await this.#host.getArticle(articleId)
    return anchorArticleAnnotations(this.#host.annotations, { id: articleId, paragraphs: article.paragraphs })
  }

  /** Across the archive, newest first, with each article's title; reads no article body. */
  list(query: AnnotationQuery & { offset: number; limit: number }): { items: AnnotationListItem[]; total: number } {
    const matching = searchAnnotations(this.#host.annotations, query)
    return {
      items: matching.slice(query.offset, query.offset + query.limit).map((a) => ({
        ...a,
        articleTitle: this.#host.has(a.articleId) ? this.#host.summary(a.articleId).title : null,
      })),
      total: matching.length,
    }
  }

  /** Per article: highlights and notes, for the library list and `has:note`. */
  counts(): Map<string, AnnotationCount> {
    return countAnnotations(this.#host.annotations)
  }

  async exportMarkdown(articleId: string, language: Language): Promise<{ fileName: string; content: string }> {
    const article = await this.#host.getArticle(articleId)
    const anchored = anchorArticleAnnotations(this.#host.annotations, { id: articleId, paragraphs: article.paragraphs })
    return {
      fileName: markdownFileName(article.title, articleId),
      content: annotationsToMarkdown(article, anchored, markdownLabels(language)),
    }
  }

  exportJsonLd(): { fileName: string; content: string } {
    const date = this.#now().toISOString().slice(0, 10)
    return { fileName: `warta-annotations-${date}.jsonld`, content: exportWebAnnotations(this.#host.annotations, { newId: this.#newId }) }
  }

  /** Adds a JSON-LD file's annotations in one save; a file that cannot be read changes nothing. */
  async importJsonLd(content: string): Promise<AnnotationImportResult> {
    const result = importWebAnnotations(this.#host.annotations, content, (id) => this.#host.has(id))
    if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.params ?? {})
    const { imported, duplicates, skipped, problems } = result.value
    let added = new Set(imported.map((a) => a.id))
    if (added.size > 0) {
      await this.#host.changeAnnotations({
        apply: (list) => {
          const present = new Set(list.map((a) => a.id))
          added = new Set([...added].filter((id) => !present.has(id)))
          return withAdded(list, imported)
        },
        revert: (list) => without(list, added),
      })
    }
    return { imported: added.size, duplicates: duplicates + imported.length - added.size, skipped, problems }
  }
}
