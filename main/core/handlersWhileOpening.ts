// The handler table a window talks to while the archive is still being read. Reading a
// catalogue of 100,000 articles holds main's thread for most of a second, so with a first page
// kept from the last close (archive/firstPage.ts) the window's first two questions — which
// language, which articles on top — are answered from it before the reading starts. Every other
// call, and every call once the archive is open, goes to the real table.
import { methods, type Method, type Output, type ParsedInput } from '../../preload/contract'
import { isFirstPageQuery, type FirstPage } from './archive/firstPage'
import { AppError } from './errors'
import { settingsFor, type Handlers } from './handlers'

export interface OpeningOptions<Opened extends { handlers: Handlers }> {
  /** Opens the archive and makes the real handler table (with whatever else the host keeps); run once. */
  open: () => Promise<Opened>
  /** Kept from the last close, and still true of the files; null to open at once. */
  firstPage: FirstPage | null
  /** What the OS says, for the language when the user never chose one. */
  systemLocale: string
  /** With a first page, the latest moment to start opening if the window never asks for it. */
  startAfterMs?: number
}

export interface OpeningHandlers<Opened> {
  /** The table to put behind IPC (or the preview host) right away. */
  handlers: Handlers
  /** What `open` made, once the archive is open; rejects if it cannot be opened, or was let go first. */
  ready: Promise<Opened>
  /**
   * For quitting: what was opened, to be closed; null when reading never started — then it
   * never will, and every waiting call fails (a quit in the first moments need not open 100,000 articles).
   */
  letGo: () => Promise<Opened | null>
}

/** How long a call that needs the archive lets the window's first-page request arrive before reading starts. */
const FIRST_PAGE_GRACE_MS = 100

export function handlersWhileOpening<Opened extends { handlers: Handlers }>({
  open,
  firstPage,
  systemLocale,
  startAfterMs = 2000,
}: OpeningOptions<Opened>): OpeningHandlers<Opened> {
  let phase: 'waiting' | 'started' | 'let go' = 'waiting'
  let start = (): void => {}
  let giveUp = (): void => {}
  const started = new Promise<void>((resolve, reject) => {
    start = () => {
      if (phase !== 'waiting') return
      phase = 'started'
      resolve()
    }
    giveUp = () => {
      if (phase !== 'waiting') return
      phase = 'let go'
      reject(new AppError('INTERNAL', 'Warta is quitting; the archive was not opened'))
    }
  })
  const startIn = (ms: number): void => void setTimeout(start, ms)
  let real: Handlers | null = null
  let firstPageServed = false
  const ready = started.then(open).then((opened) => {
    real = opened.handlers
    return opened
  })
  const fromArchive = async <M extends Method>(method: M, input: ParsedInput<M>): Promise<Output<M>> => {
    // The window asks for several things at once; reading first would hold up its first page.
    if (firstPage && !firstPageServed) startIn(FIRST_PAGE_GRACE_MS)
    else start()
    const table: Handlers = (await ready).handlers
    const run: (input: ParsedInput<M>) => Promise<Output<M>> = table[method]
    return run(input)
  }
  const handlers = Object.fromEntries(methods.map((method) => [method, (input: never) => fromArchive(method, input)])) as unknown as Handlers
  const letGo = (): Promise<Opened | null> => {
    giveUp()
    return ready.catch(() => null)
  }

  if (!firstPage) {
    start()
    return { handlers, ready, letGo }
  }
  const timer = setTimeout(start, startAfterMs)
  void ready.finally(() => clearTimeout(timer)).catch(() => {})
  handlers.getSettings = async (input) => (real ? real.getSettings(input) : settingsFor(firstPage.language, systemLocale))
  handlers.listArticles = async (query) => {
    if (real || !isFirstPageQuery(query)) return fromArchive('listArticles', query)
    firstPageServed = true
    // Start reading once this answer has gone out, not before: the reading holds the thread.
    startIn(0)
    return firstPage.page
  }
  return { handlers, ready, letGo }
}
