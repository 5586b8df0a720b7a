// The article body as a place to write in: select words and a small toolbar offers the four
// colours and "Add note" (or press H); click a highlight to edit its note, change its colour
// or delete it, with a few seconds to undo. The toolbar and the editor are positioned inside
// the body's wrapper, so they scroll with the text they belong to.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react'
import type { AnchoredAnnotation, AnnotationColour, Article } from '../../../preload/contract'
import { articlePlainText } from '../../../main/core/annotations/plainText'
import { ArticleBody, blocksOf, firstMarkOf, MARK_SELECTOR, type HighlightMark } from '../article/ArticleBody'
import { sanitiseArticleHtml } from '../article/safeArticleHtml'
import { rangeToOffsets } from '../article/textOffsets'
import { CloseIcon } from '../components/Icons'
import { isTextEntry, shortcutFor } from '../keyboardShortcuts'
import { useT } from '../translationKeys'
import { HighlighterIcon, NoteIcon, TrashIcon } from './AnnotationIcons'
import { colours } from './colours'
import { markLabel } from './markLabel'
import type { ArticleAnnotations } from './useArticleAnnotations'

const mac = /Mac|iPhone|iPad/.test(navigator.platform)
const defaultColour: AnnotationColour = 'yellow'
/** Keeps the floating toolbar and editor inside the body's column. */
const EDGE = 8
const EDITOR_WIDTH = 340

export interface AnnotatedBodyProps {
  article: Article
  notes: ArticleAnnotations
  /** The dateline lead-in, not part of the text. */
  lead?: ReactNode
  /** "Read also" asides after paragraph i, not part of the text. */
  between?: (index: number) => ReactNode
  /** Scroll to and flash this highlight (from the sidebar or the annotations view); a new request repeats it. */
  focus: { id: string; request: number } | null
  /** A web link in the text was clicked: open it outside the app. */
  onOpenLink?: (url: string) => void
}

interface PendingSelection {
  start: number
  end: number
  /** Where the toolbar points, relative to the wrapper: the top centre of the selection. */
  x: number
  y: number
}

/** Whether the article shown is the one highlights are placed on (older versions are read only). */
export const isNewestVersion = (article: Pick<Article, 'versionIndex' | 'versionCount'>): boolean => article.versionIndex === article.versionCount - 1

export function AnnotatedBody({ article, notes, lead, between, focus, onOpenLink }: AnnotatedBodyProps) {
  const { t } = useT()
  const wrap = useRef<HTMLDivElement>(null)
  const body = useRef<HTMLDivElement>(null)
  const [pending, setPending] = useState<PendingSelection | null>(null)
  const [editing, setEditing] = useState<string | null>(null)
  const editable = isNewestVersion(article)
  const plainText = useMemo(() => articlePlainText(article.paragraphs), [article.paragraphs])
  // A saved web page keeps its structure and images; sanitised here again, with the page's DOM.
  const html = useMemo(() => (article.html ? sanitiseArticleHtml(article.html, article.id) : null), [article.html, article.id])

  const marks = useMemo<HighlightMark[]>(
    () =>
      editable
        ? notes.placed.map((a) => ({
            id: a.id,
            start: a.anchor.start ?? 0,
            end: a.anchor.end ?? 0,
            colour: a.colour,
            approximate: a.anchor.status === 'placed-approximate',
            label: markLabel(t, a),
          }))
        : [],
    [editable, notes.placed, t],
  )

  /** The current selection as offsets into the text and a place for the toolbar, if it holds any words. */
  const readSelection = useCallback((): PendingSelection | null => {
    const selection = window.getSelection()
    const bodyElement = body.current
    const wrapElement = wrap.current
    if (!editable || !selection || selection.isCollapsed || selection.rangeCount === 0 || !bodyElement || !wrapElement) return null
    const range = selection.getRangeAt(0)
    if (!range.intersectsNode(bodyElement)) return null
    const offsets = rangeToOffsets(blocksOf(bodyElement), article.paragraphs, range)
    if (!offsets || plainText.slice(offsets.start, offsets.end).trim() === '') return null
    const rect = range.getBoundingClientRect()
    const box = wrapElement.getBoundingClientRect()
    const x = Math.min(Math.max(rect.left + rect.width / 2 - box.left, 110), Math.max(110, box.width - 110))
    return { ...offsets, x, y: rect.top - box.top }
  }, [editable, article.paragraphs, plainText])

  // The toolbar appears when a selection is finished (mouse up, or Shift+arrows released) and
  // goes as soon as the selection is gone.
  useEffect(() => {
    const settle = (): void => {
      // After the browser has updated the selection for this click.
      requestAnimationFrame(() => setPending(readSelection()))
    }
    const changed = (): void => {
      const selection = window.getSelection()
      if (!selection || selection.isCollapsed) setPending(null)
    }
    document.addEventListener('mouseup', settle)
    document.addEventListener('keyup', settle)
    document.addEventListener('selectionchange', changed)
    return () => {
      document.removeEventListener('mouseup', settle)
      document.removeEventListener('keyup', settle)
      document.removeEventListener('selectionchange', changed)
    }
  }, [readSelection])

  const highlight = useCallback(
    async (colour: AnnotationColour, thenNote: boolean): Promise<void> => {
      const target = readSelection() ?? pending
      if (!target) return
      setPending(null)
      window.getSelection()?.removeAllRanges()
      const created = await notes.create(target, colour)
      if (created && thenNote) setEditing(created.id)
    },
    [readSelection, pending, notes],
  )

  // H or Ctrl/Cmd+Shift+H highlights the selection in the default colour.
  useEffect(() => {
    const keydown = (event: globalThis.KeyboardEvent): void => {
      if (event.defaultPrevented || event.isComposing) return
      const command = shortcutFor(
        { key: event.key, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey, shiftKey: event.shiftKey, typing: isTextEntry(document.activeElement as HTMLInputElement | null) },
        { mac, menuHandlesBookmarkAccelerator: false },
      )
      if (command !== 'highlight' || !readSelection()) return
      event.preventDefault()
      void highlight(defaultColour, false)
    }
    window.addEventListener('keydown', keydown)
    return () => window.removeEventListener('keydown', keydown)
  }, [readSelection, highlight])

  // Scroll to a highlight asked for elsewhere, and flash it so the eye finds it.
  const handledFocus = useRef(0)
  useEffect(() => {
    if (!focus || handledFocus.current === focus.request || !notes.loaded || !body.current) return
    const first = firstMarkOf(body.current, focus.id)
    handledFocus.current = focus.request
    if (!first) return
    centreInScroller(first)
    first.focus({ preventScroll: true })
    for (const piece of body.current.querySelectorAll<HTMLElement>(`${MARK_SELECTOR}[data-annotation-id="${CSS.escape(focus.id)}"]`)) {
      piece.classList.remove('hl-flash')
      // Restarts the animation when the same highlight is asked for twice.
      void piece.offsetWidth
      piece.classList.add('hl-flash')
      piece.addEventListener('animationend', () => piece.classList.remove('hl-flash'), { once: true })
    }
  }, [focus, notes.loaded, marks])

  const editingAnnotation = editing ? notes.placed.find((a) => a.id === editing) : undefined

  return (
    <div ref={wrap} className="article-body-wrap">
      {!editable && <p className="hint annotations-older-version">{t('annotations:olderVersion')}</p>}
      <ArticleBody
        paragraphs={article.paragraphs}
        html={html}
        language={article.language}
        marks={marks}
        lead={lead}
        between={between}
        bodyRef={body}
        onLinkActivate={onOpenLink}
        onMarkActivate={(id) => {
          setPending(null)
          setEditing(id)
        }}
      />
      {pending && (
        <SelectionToolbar
          x={pending.x}
          y={pending.y}
          onHighlight={(colour) => void highlight(colour, false)}
          onAddNote={() => void highlight(defaultColour, true)}
        />
      )}
      {editingAnnotation && (
        <NoteEditor
          key={editingAnnotation.id}
          annotation={editingAnnotation}
          body={body}
          wrap={wrap}
          notes={notes}
          onClose={(returnFocus) => {
            setEditing(null)
            if (returnFocus && body.current) firstMarkOf(body.current, editingAnnotation.id)?.focus({ preventScroll: true })
          }}
        />
      )}
      {notes.deleted && <UndoToast notes={notes} />}
    </div>
  )
}

/**
 * Scrolls the reader's own scroller so the element sits mid-view. scrollIntoView would also
 * scroll every ancestor, the window included, and nudge the whole app out of place.
 */
function centreInScroller(element: HTMLElement): void {
  let scroller = element.parentElement
  while (scroller && !(/(auto|scroll)/.test(getComputedStyle(scroller).overflowY) && scroller.scrollHeight > scroller.clientHeight)) {
    scroller = scroller.parentElement
  }
  if (!scroller) return
  const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches
  const offset = element.getBoundingClientRect().top - scroller.getBoundingClientRect().top
  const top = scroller.scrollTop + offset - scroller.clientHeight / 2 + element.getBoundingClientRect().height / 2
  scroller.scrollTo({ top: Math.max(0, top), behavior: still ? 'auto' : 'smooth' })
}

function SelectionToolbar({ x, y, onHighlight, onAddNote }: { x: number; y: number; onHighlight: (colour: AnnotationColour) => void; onAddNote: () => void }) {
  const { t } = useT()
  return (
    <div
      className="selection-toolbar"
      role="toolbar"
      aria-label={t('annotations:selectionToolbar')}
      style={{ left: x, top: y }}
      // Keeps the selection: a press on the toolbar must not collapse it before the click.
      onMouseDown={(event) => event.preventDefault()}
    >
      <HighlighterIcon size={16} className="selection-toolbar-icon" />
      {colours.map((colour) => (
        <button
          key={colour}
          type="button"
          className="swatch-button"
          aria-label={t('annotations:highlightIn', { colour: t(`annotations:colour.${colour}`).toLocaleLowerCase() })}
          title={t('annotations:highlightIn', { colour: t(`annotations:colour.${colour}`).toLocaleLowerCase() })}
          onClick={() => onHighlight(colour)}
        >
          <span className={`swatch swatch-${colour}`} aria-hidden="true" />
        </button>
      ))}
      <span className="selection-toolbar-divider" aria-hidden="true" />
      <button type="button" className="selection-toolbar-note" onClick={onAddNote}>
        <NoteIcon size={15} />
        <span>{t('annotations:addNote')}</span>
      </button>
    </div>
  )
}

interface NoteEditorProps {
  annotation: AnchoredAnnotation
  body: RefObject<HTMLDivElement | null>
  wrap: RefObject<HTMLDivElement | null>
  notes: ArticleAnnotations
  onClose: (returnFocus: boolean) => void
}

function NoteEditor({ annotation, body, wrap, notes, onClose }: NoteEditorProps) {
  const { t } = useT()
  const [note, setNote] = useState(annotation.note)
  const panel = useRef<HTMLDivElement>(null)
  const field = useRef<HTMLTextAreaElement>(null)
  const changed = note.trim() !== annotation.note

  // Just below the highlight's first line, kept inside the column; placed before it is painted.
  useLayoutEffect(() => {
    const anchor = body.current && firstMarkOf(body.current, annotation.id)
    if (!anchor || !wrap.current || !panel.current) return
    const rect = anchor.getBoundingClientRect()
    const box = wrap.current.getBoundingClientRect()
    const width = Math.min(EDITOR_WIDTH, box.width)
    panel.current.style.left = `${Math.min(Math.max(rect.left - box.left, EDGE), Math.max(EDGE, box.width - width - EDGE))}px`
    panel.current.style.top = `${rect.bottom - box.top + 8}px`
    panel.current.style.visibility = 'visible'
  }, [body, wrap, annotation])

  useEffect(() => {
    field.current?.focus()
  }, [])

  const save = useCallback(async (): Promise<void> => {
    if (changed && !(await notes.update(annotation.id, { note }))) return
    onClose(true)
  }, [changed, notes, annotation.id, note, onClose])

  // A click elsewhere keeps what was typed rather than losing it.
  const latestSave = useRef(save)
  useEffect(() => {
    latestSave.current = save
  })
  useEffect(() => {
    const outside = (event: MouseEvent): void => {
      if (panel.current && !panel.current.contains(event.target as Node) && !(event.target as Element).closest?.(MARK_SELECTOR)) void latestSave.current()
    }
    document.addEventListener('mousedown', outside)
    return () => document.removeEventListener('mousedown', outside)
  }, [])

  const keys = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      onClose(true)
    } else if (event.key === 'Enter' && (mac ? event.metaKey : event.ctrlKey)) {
      event.preventDefault()
      void save()
    }
  }

  return (
    <div
      ref={panel}
      className="note-editor"
      role="dialog"
      aria-label={t('annotations:editorLabel')}
      onKeyDown={keys}
    >
      <div className="note-editor-head">
        <div className="colour-choice" role="group" aria-label={t('annotations:changeColour')}>
          {colours.map((colour) => (
            <button
              key={colour}
              type="button"
              className="swatch-button"
              aria-pressed={annotation.colour === colour}
              aria-label={t(`annotations:colour.${colour}`)}
              title={t(`annotations:colour.${colour}`)}
              onClick={() => void notes.update(annotation.id, { colour })}
            >
              <span className={`swatch swatch-${colour}`} aria-hidden="true" />
            </button>
          ))}
        </div>
        <button type="button" className="icon-button note-editor-delete" aria-label={t('annotations:delete')} title={t('annotations:delete')} onClick={() => void notes.remove(annotation.id).then(() => onClose(false))}>
          <TrashIcon size={17} />
        </button>
      </div>
      {annotation.anchor.status === 'placed-approximate' && <p className="note-editor-approximate">{t('annotations:approximate')}</p>}
      <textarea
        ref={field}
        className="note-editor-field"
        aria-label={t('annotations:note')}
        placeholder={t('annotations:notePlaceholder')}
        value={note}
        rows={4}
        maxLength={10_000}
        onChange={(event) => setNote(event.target.value)}
      />
      <div className="note-editor-foot">
        <span className="note-editor-hint">{t('annotations:saveHint', { keys: t(mac ? 'annotations:saveKeysMac' : 'annotations:saveKeysOther') })}</span>
        <button type="button" className="button button-small" onClick={() => onClose(true)}>
          {t('annotations:cancel')}
        </button>
        <button type="button" className="button button-small button-primary" onClick={() => void save()}>
          {t('annotations:save')}
        </button>
      </div>
    </div>
  )
}

function UndoToast({ notes }: { notes: ArticleAnnotations }) {
  const { t } = useT()
  const undo = useRef<HTMLButtonElement>(null)
  // The editor that had the focus is gone; the undo is the natural next step for the keyboard.
  useEffect(() => undo.current?.focus({ preventScroll: true }), [])
  return (
    <div className="toast" role="status">
      <span>{t('annotations:deleted')}</span>
      <button ref={undo} type="button" className="toast-action" onClick={() => void notes.undo()}>
        {t('annotations:undo')}
      </button>
      <button type="button" className="icon-button" aria-label={t('annotations:dismiss')} title={t('annotations:dismiss')} onClick={notes.dismissUndo}>
        <CloseIcon size={16} />
      </button>
    </div>
  )
}
