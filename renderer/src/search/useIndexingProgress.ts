// How far the search index build has come, for the progress line under the search box: asked
// once when the window opens, then followed through main's searchIndexProgress events (IPC in
// Electron, Server-Sent Events in the preview host), with a slow poll as a safety net in case an
// event is missed while a build runs.
import { useEffect, useState } from 'react'
import type { IndexingProgress } from '../../../preload/contract'
import { onEvent, request } from '../bridge'

const POLL_MS = 3000

export function useIndexingProgress(): IndexingProgress | null {
  const [progress, setProgress] = useState<IndexingProgress | null>(null)

  useEffect(() => {
    let alive = true
    const ask = (): void => {
      void request('getSearchStatus', {}).then((result) => {
        if (alive && result.ok) setProgress(result.value.indexing)
      })
    }
    ask()
    const off = onEvent('searchIndexProgress', (p) => setProgress(p.done >= p.total ? null : p))
    return () => {
      alive = false
      off()
    }
  }, [])

  const building = progress !== null
  useEffect(() => {
    if (!building) return
    const timer = setInterval(() => {
      void request('getSearchStatus', {}).then((result) => {
        if (result.ok) setProgress(result.value.indexing)
      })
    }, POLL_MS)
    return () => clearInterval(timer)
  }, [building])

  return progress
}
