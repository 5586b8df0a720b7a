// How a host (Electron, the preview host, the end-to-end fixture) starts search beside its
// archive: the index is opened at once (a missing, outdated or corrupt one is reset), follows
// every change of the archive, and is brought up to date in the background shortly after
// start — after the first page of the library has been served, which it would otherwise delay.
import type { IndexingProgress } from '../../../preload/contract'
import type { Archive } from '../archive/archive'
import { SearchIndex } from './searchIndex'

export interface StartSearchOptions {
  /** The better-sqlite3 build for Electron's ABI (process.env.WARTA_SQLITE_BINDING there). */
  nativeBinding?: string | undefined
  /** Every build's progress; done === total when it has finished. */
  onProgress?: (progress: IndexingProgress) => void
  log?: (message: string, error?: unknown) => void
  /** How long after start the background sync begins (ms); 0 in tests. */
  syncDelayMs?: number
}

/** The default wait before the background sync: the window's first page comes first. */
const SYNC_DELAY_MS = 1000

/**
 * Opens and starts the search index of an archive; null when search cannot work here (no
 * SQLite build for this runtime), which the host logs and the app survives without.
 */
export function startSearchIndex(archive: Archive, options: StartSearchOptions = {}): SearchIndex | null {
  const log = options.log ?? ((message: string, error?: unknown) => console.warn(message, error ?? ''))
  let index: SearchIndex
  try {
    index = SearchIndex.open(archive.dir, {
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      onReset: (reason) => log(`warta: the search index was reset and is being rebuilt (${reason})`),
      log,
    })
  } catch (e) {
    log('warta: search is not available', e)
    return null
  }
  index.follow(archive)
  const timer = setTimeout(() => {
    if (index.isClosed) return
    index.sync(archive).catch((e: unknown) => {
      if (!index.isClosed) log('warta: the search index could not be brought up to date', e)
    })
  }, options.syncDelayMs ?? SYNC_DELAY_MS)
  timer.unref?.()
  return index
}
