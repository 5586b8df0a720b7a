// The contract's annotation calls over the archive (the AnnotationHost). Every change is one
// small state-file save; when the notes of an article change, the search index (if the host
// has one) re-reads that article so `has:note` and words in notes stay findable.
import type { Language } from '../../../preload/contract'
import { languageFromLocale, type Handlers, type HostContext } from '../handlers'
import { AnnotationService } from './annotationService'
import { hasNote } from './model'

type AnnotationMethod =
  | 'createAnnotation'
  | 'restoreAnnotation'
  | 'updateAnnotation'
  | 'deleteAnnotation'
  | 'listArticleAnnotations'
  | 'listAnnotations'
  | 'exportArticleAnnotations'
  | 'exportAnnotations'
  | 'importAnnotations'

export function createAnnotationHandlers(ctx: HostContext, service = new AnnotationService(ctx.archive)): Pick<Handlers, AnnotationMethod> {
  const { archive } = ctx
  const language = (): Language => archive.language ?? languageFromLocale(ctx.systemLocale)
  const notesChanged = (articleIds: Iterable<string>): Promise<void> => reindexNotes(ctx, articleIds)

  return {
    createAnnotation: async ({ articleId, start, end, colour, note }) => {
      const created = await service.create(articleId, { start, end, colour, note })
      if (hasNote(created)) await notesChanged([articleId])
      return created
    },

    restoreAnnotation: async ({ annotation }) => {
      const result = await service.restore(annotation)
      if (result.restored && hasNote(annotation)) await notesChanged([annotation.articleId])
      return result
    },

    updateAnnotation: async ({ id, colour, note }) => {
      const before = archive.annotations.find((a) => a.id === id)
      const updated = await service.update(id, { colour, note })
      if (before && before.note !== updated.note) await notesChanged([updated.articleId])
      return updated
    },

    deleteAnnotation: async ({ id }) => {
      const removed = await service.delete(id)
      if (hasNote(removed)) await notesChanged([removed.articleId])
      return removed
    },

    listArticleAnnotations: async ({ articleId }) => service.forArticle(articleId),

    listAnnotations: async ({ offset, limit, ...query }) => service.list({ ...query, offset, limit }),

    exportArticleAnnotations: async ({ articleId, language: wanted }) => service.exportMarkdown(articleId, wanted ?? language()),

    exportAnnotations: async () => service.exportJsonLd(),

    importAnnotations: async ({ content }) => {
      const before = new Set(archive.annotations.map((a) => a.id))
      const result = await service.importJsonLd(content)
      if (result.imported > 0) {
        await notesChanged(new Set(archive.annotations.filter((a) => !before.has(a.id) && hasNote(a)).map((a) => a.articleId)))
      }
      return result
    },
  }
}

/**
 * Brings the search index up to date with an article's notes: its `has:note` flag and the
 * words of its notes. The index is derived and guards its own writes (a failure resets and
 * rebuilds it), so this never fails the user's change, which is already saved.
 */
async function reindexNotes(ctx: HostContext, articleIds: Iterable<string>): Promise<void> {
  const index = ctx.searchIndex
  if (!index) return
  const { archive } = ctx
  const summaries = [...articleIds].filter((id) => archive.has(id)).map((id) => archive.summary(id))
  if (summaries.length === 0) return
  try {
    // Re-indexing sets the `has:note` flag from the notes too.
    await index.indexArticles(summaries, (id) => archive.notesOf(id))
  } catch {
    // An unreadable body: the article is reported when opened, and the next sync catches up.
  }
}
