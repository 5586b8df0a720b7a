// An article's text with its highlights: dispatch paragraphs rendered by React with nested
// <mark>s (segments.ts), or a saved web page's sanitised HTML with marks wrapped in place
// (htmlHighlights.ts). Either way block i holds paragraph i (`data-block`), so a selection maps
// to plain-text offsets the same way (textOffsets.ts), and what is not stored text — the
// dateline lead-in, "Read also" asides — sits outside the blocks or under [data-skip].
import { Fragment, useLayoutEffect, useMemo, useRef, type KeyboardEvent, type MouseEvent, type ReactNode, type Ref } from 'react'
import type { AnnotationColour } from '../../../preload/contract'
import { segmentParagraphs, type Segment } from '../../../main/core/annotations/segments'
import { highlightHtml } from './htmlHighlights'
import { webLinkOf } from './safeArticleHtml'

/** One highlight as the body draws it. */
export interface HighlightMark {
  id: string
  start: number
  end: number
  colour: AnnotationColour
  /** Placed on text that has changed since: drawn a little differently. */
  approximate: boolean
  /** What assistive technology and the tooltip say about it ("Highlight, yellow, with note: …"). */
  label: string
}

export interface ArticleBodyProps {
  paragraphs: readonly string[]
  /** A web article's sanitised HTML; its blocks are `paragraphs`. Null for dispatches. */
  html?: string | null
  language: string
  marks: readonly HighlightMark[]
  /** Shown at the start of the first paragraph, not part of the text (the dateline). */
  lead?: ReactNode
  /** Rendered after paragraph i (-1: before the first), not part of the text ("Read also" asides). */
  between?: (index: number) => ReactNode
  bodyRef?: Ref<HTMLDivElement>
  /** A highlight was clicked, or Enter/Space pressed on it. */
  onMarkActivate?: (id: string, element: HTMLElement) => void
  /** A person clicked a link to the web in the text (never called for a click made by a script). */
  onLinkActivate?: (url: string) => void
}

export const MARK_SELECTOR = 'mark[data-annotation-id]'
export const BLOCK_SELECTOR = '[data-block]'

/** The class names that draw a highlight: its colour (hue and underline style) and how sure its place is. */
export const markClassName = (mark: Pick<HighlightMark, 'colour' | 'approximate'>): string =>
  `hl hl-${mark.colour}${mark.approximate ? ' hl-approximate' : ''}`

/** The rendered blocks of a body, in order: block i holds paragraph i. */
export function blocksOf(body: Element): Element[] {
  return [...body.querySelectorAll(BLOCK_SELECTOR)].sort((a, b) => Number(a.getAttribute('data-block')) - Number(b.getAttribute('data-block')))
}

/** The first mark of a highlight: where the sidebar scrolls to and the keyboard lands. */
export const firstMarkOf = (body: Element, id: string): HTMLElement | null => body.querySelector<HTMLElement>(`mark[data-annotation-id="${CSS.escape(id)}"]`)

export function ArticleBody({ paragraphs, html, language, marks, lead, between, bodyRef, onMarkActivate, onLinkActivate }: ArticleBodyProps) {
  /**
   * Links in a saved page never navigate the window: a click on a web link asks main to open it
   * in the system browser, and anything else (a middle click, a link of another kind) does nothing.
   */
  const followLink = (event: MouseEvent<HTMLDivElement>): boolean => {
    const link = (event.target as Element).closest('a[href]')
    if (!link || event.defaultPrevented || !event.currentTarget.contains(link)) return false
    const url = webLinkOf(link.getAttribute('href'))
    if (!url && !link.closest('.article-html')) return false
    event.preventDefault()
    if (url && event.type === 'click' && event.button === 0 && event.nativeEvent.isTrusted) onLinkActivate?.(url)
    return true
  }

  const activate = (event: MouseEvent<HTMLDivElement> | KeyboardEvent<HTMLDivElement>): void => {
    if ('key' in event && event.key !== 'Enter' && event.key !== ' ') return
    const mark = (event.target as Element).closest<HTMLElement>(MARK_SELECTOR)
    if (!mark || !onMarkActivate) {
      if (!('key' in event)) followLink(event)
      return
    }
    // A drag that ends on a highlight is a new selection, not a click on it.
    const selection = window.getSelection()
    if (event.type === 'click' && selection && !selection.isCollapsed && selection.toString().trim() !== '') return
    event.preventDefault()
    onMarkActivate(mark.getAttribute('data-annotation-id') as string, mark)
  }

  return (
    <div
      ref={bodyRef}
      className={html ? 'article-body article-body-html' : 'article-body'}
      lang={language}
      onClick={activate}
      onKeyDown={activate}
      onAuxClick={(event) => void followLink(event)}
    >
      {html ? <HtmlBlocks html={html} marks={marks} /> : <Paragraphs paragraphs={paragraphs} marks={marks} lead={lead} between={between} />}
    </div>
  )
}

function Paragraphs({ paragraphs, marks, lead, between }: Pick<ArticleBodyProps, 'paragraphs' | 'marks' | 'lead' | 'between'>) {
  const segments = useMemo(() => segmentParagraphs(paragraphs, marks), [paragraphs, marks])
  const byId = useMemo(() => new Map(marks.map((m) => [m.id, m])), [marks])
  // The first piece of each highlight takes the keyboard focus and carries its label.
  const firstPiece = new Set<string>()
  const renderSegment = (segment: Segment, key: number): ReactNode => {
    let node: ReactNode = segment.text
    for (const id of [...segment.annotationIds].reverse()) {
      const mark = byId.get(id)
      if (!mark) continue
      const first = !firstPiece.has(id)
      firstPiece.add(id)
      node = (
        <mark
          key={`${id}-${key}`}
          data-annotation-id={id}
          className={markClassName(mark)}
          title={mark.label}
          aria-label={first ? mark.label : undefined}
          tabIndex={first ? 0 : undefined}
        >
          {node}
        </mark>
      )
    }
    return <Fragment key={key}>{node}</Fragment>
  }
  return (
    <>
      {between?.(-1)}
      {paragraphs.map((_, index) => (
        <Fragment key={index}>
          <p data-block={index}>
            {index === 0 && lead && <span data-skip="">{lead}</span>}
            {(segments[index] ?? []).map(renderSegment)}
          </p>
          {between?.(index)}
        </Fragment>
      ))}
      {between?.(paragraphs.length)}
    </>
  )
}

/**
 * The saved page's HTML in a container React leaves alone: it is set, and marked, here. The
 * HTML is sanitised by the caller; it is set again whenever the highlights change, which is
 * rare and cheap next to reconciling thousands of nodes.
 */
function HtmlBlocks({ html, marks }: { html: string; marks: readonly HighlightMark[] }) {
  const root = useRef<HTMLDivElement>(null)
  useLayoutEffect(() => {
    const element = root.current
    if (!element) return
    element.innerHTML = html
    const byId = new Map(marks.map((m) => [m.id, m]))
    const made = highlightHtml(element, marks, (id) => {
      const mark = document.createElement('mark')
      const info = byId.get(id) as HighlightMark
      mark.setAttribute('data-annotation-id', id)
      mark.className = markClassName(info)
      mark.title = info.label
      return mark
    })
    for (const [id, pieces] of made) {
      const first = pieces[0]
      if (!first) continue
      first.setAttribute('tabindex', '0')
      first.setAttribute('aria-label', byId.get(id)?.label ?? '')
    }
  }, [html, marks])
  return <div ref={root} className="article-html" />
}
