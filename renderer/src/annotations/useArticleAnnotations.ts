// The open article's highlights and notes, and every change the reader makes to them. Each
// change is one call to main followed by a fresh list (cheap: one small state-file read in
// memory), so reading order, nesting and placement always come from main's anchoring.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { AnchoredAnnotation, AnnotationColour, AnnotationRecord, AppErrorData } from '../../../preload/contract'
import { request } from '../bridge'

export interface AnnotationCounts {
  annotationCount: number
  noteCount: number
}

export interface AnnotationEvents {
  /** After any change: the library row's icon and count follow. */
  onCountsChanged: (articleId: string, counts: AnnotationCounts) => void
  onError: (error: AppErrorData) => void
}

export interface ArticleAnnotations {
  articleId: string
  loaded: boolean
  /** In reading order. */
  placed: AnchoredAnnotation[]
  /** No longer found in the text; kept and listed, never dropped. */
  unplaced: AnchoredAnnotation[]
  create: (range: { start: number; end: number }, colour: AnnotationColour) => Promise<AnchoredAnnotation | null>
  update: (id: string, patch: { colour?: AnnotationColour; note?: string }) => Promise<boolean>
  remove: (id: string) => Promise<void>
  /** The last deleted highlight while its undo is offered. */
  deleted: AnnotationRecord | null
  undo: () => Promise<void>
  dismissUndo: () => void
}

/** How long "Undo" stays after a delete. */
export const UNDO_MS = 8_000

const countsOf = (all: readonly AnchoredAnnotation[]): AnnotationCounts => ({
  annotationCount: all.length,
  noteCount: all.filter((a) => a.note !== '').length,
})

/**
 * `revision` changes when the article's text may have (a new version arrived): highlights are
 * placed again on the text as it reads now.
 */
export function useArticleAnnotations(articleId: string, revision: string, events: AnnotationEvents): ArticleAnnotations {
  const [state, setState] = useState<{ articleId: string; placed: AnchoredAnnotation[]; unplaced: AnchoredAnnotation[] } | null>(null)
  // Kept with its article: another article's undo does not apply here.
  const [lastDeleted, setDeleted] = useState<AnnotationRecord | null>(null)
  const deleted = lastDeleted?.articleId === articleId ? lastDeleted : null
  const eventsRef = useRef(events)
  useEffect(() => {
    eventsRef.current = events
  })

  const reload = useCallback(
    async (reportCounts: boolean): Promise<void> => {
      const result = await request('listArticleAnnotations', { articleId })
      if (!result.ok) {
        eventsRef.current.onError(result.error)
        return
      }
      setState({ articleId, ...result.value })
      if (reportCounts) eventsRef.current.onCountsChanged(articleId, countsOf([...result.value.placed, ...result.value.unplaced]))
    },
    [articleId],
  )

  useEffect(() => {
    let current = true
    void request('listArticleAnnotations', { articleId }).then((result) => {
      if (!current) return
      if (result.ok) setState({ articleId, ...result.value })
      else eventsRef.current.onError(result.error)
    })
    return () => {
      current = false
    }
  }, [articleId, revision])

  // Undo is offered for a while, then the toast goes.
  useEffect(() => {
    if (!deleted) return
    const timer = setTimeout(() => setDeleted(null), UNDO_MS)
    return () => clearTimeout(timer)
  }, [deleted])

  const create = useCallback(
    async (range: { start: number; end: number }, colour: AnnotationColour): Promise<AnchoredAnnotation | null> => {
      const result = await request('createAnnotation', { articleId, start: range.start, end: range.end, colour })
      if (!result.ok) {
        eventsRef.current.onError(result.error)
        return null
      }
      await reload(true)
      return result.value
    },
    [articleId, reload],
  )

  const update = useCallback(
    async (id: string, patch: { colour?: AnnotationColour; note?: string }): Promise<boolean> => {
      const result = await request('updateAnnotation', { id, ...patch })
      if (!result.ok) {
        eventsRef.current.onError(result.error)
        return false
      }
      await reload(true)
      return true
    },
    [reload],
  )

  const remove = useCallback(
    async (id: string): Promise<void> => {
      const result = await request('deleteAnnotation', { id })
      if (!result.ok) {
        eventsRef.current.onError(result.error)
        return
      }
      setDeleted(result.value)
      await reload(true)
    },
    [reload],
  )

  const undo = useCallback(async (): Promise<void> => {
    if (!deleted) return
    setDeleted(null)
    const result = await request('restoreAnnotation', { annotation: deleted })
    if (!result.ok) eventsRef.current.onError(result.error)
    await reload(true)
  }, [deleted, reload])

  const dismissUndo = useCallback(() => setDeleted(null), [])

  const shown = state?.articleId === articleId ? state : null
  return {
    articleId,
    loaded: shown !== null,
    placed: shown?.placed ?? [],
    unplaced: shown?.unplaced ?? [],
    create,
    update,
    remove,
    deleted,
    undo,
    dismissUndo,
  }
}
