// The virtualised, keyboard-driven list behind the library and search results: only the rows in
// view exist in the DOM, the pages they need are fetched as they scroll in, and arrows, j/k,
// Page Up/Down, Home and End move the selection with the focus.
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, type KeyboardEvent } from 'react'

export interface VirtualRowsOptions {
  /** Rows the list holds (loaded or not). */
  count: number
  rowHeight: number
  /** How far Page Up/Down move. */
  pageStep: number
  selectedIndex: number
  /** Bumped when the selected row should take the keyboard focus. */
  focusRequest: number
  onSelect: (index: number) => void
  /** Fetch the rows first…last if they are not loaded yet. */
  ensure: (first: number, last: number) => void
  /** What the rows show (a filter, a query): when it changes, the rows in view are fetched again. */
  dataKey?: unknown
}

export function useVirtualRows({ count, rowHeight, pageStep, selectedIndex, focusRequest, onSelect, ensure, dataKey }: VirtualRowsOptions) {
  const scroller = useRef<HTMLDivElement>(null)
  const pendingFocus = useRef<number | null>(null)

  // TanStack Virtual re-renders through its own state; this app does not use the React Compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 8,
  })
  const rows = virtualizer.getVirtualItems()
  const first = rows[0]?.index ?? 0
  const last = rows[rows.length - 1]?.index ?? 0

  useEffect(() => {
    if (count > 0) ensure(first, last)
  }, [ensure, first, last, count, dataKey])

  const focusRow = (index: number): void => {
    const link = scroller.current?.querySelector<HTMLElement>(`[data-index="${index}"] .row-link`)
    if (link) link.focus()
    else pendingFocus.current = index // focused by linkRef once the row is drawn
  }

  useEffect(() => {
    if (focusRequest === 0) return
    virtualizer.scrollToIndex(selectedIndex, { align: 'auto' })
    requestAnimationFrame(() => focusRow(selectedIndex))
    // Only a new request moves the focus; a changed selection alone must not steal it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRequest])

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (!(event.target as HTMLElement).classList.contains('row-link')) return
    const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, j: 1, k: -1, PageDown: pageStep, PageUp: -pageStep }
    let next: number | null = null
    if (event.key in steps && !event.altKey && !event.ctrlKey && !event.metaKey) next = selectedIndex + (steps[event.key] ?? 0)
    else if (event.key === 'Home') next = 0
    else if (event.key === 'End') next = count - 1
    if (next === null) return
    event.preventDefault()
    next = Math.max(0, Math.min(count - 1, next))
    onSelect(next)
    virtualizer.scrollToIndex(next, { align: 'auto' })
    requestAnimationFrame(() => focusRow(next))
  }

  /** The ref for row `index`'s link: takes the focus a keyboard move asked for before it was drawn. */
  const linkRef = (index: number) => (el: HTMLAnchorElement | null) => {
    if (el && pendingFocus.current === index) {
      pendingFocus.current = null
      el.focus()
    }
  }

  return { scroller, virtualizer, rows, onKeyDown, linkRef }
}
