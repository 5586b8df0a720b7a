// Everything that brings articles in from outside the window's own buttons: files and folders
// dropped anywhere on it, Ctrl/Cmd+V outside a text field (files, a link, or text), the "Save
// from web address" dialog, and the batched import with its progress and Cancel. The App gets
// a few calls and two pieces to render; what happened ends in its import results.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import type { AppErrorData, ImportOutcome, Output } from '../../../preload/contract'
import { request } from '../bridge'
import { importInBatches, unreadableError, type SelectedFile } from '../importSelection'
import { isTextEntry } from '../keyboardShortcuts'
import { useT } from '../translationKeys'
import { walkDrop, maxDroppedFiles, type DroppedEntry, type DroppedItem } from './droppedFiles'
import { ImportProgress } from './ImportProgress'
import { classifyPaste, pastedTextFile } from './pasteImport'
import { SaveUrlDialog, type SavePhase } from './SaveUrlDialog'
import { SavedToast } from './SavedToast'
import { linkFromUriList, pastedLink } from './webAddress'
import { DownloadIcon } from '../components/Icons'

/** What the results list says besides the per-file lines. */
export interface ImportNote {
  /** Files not imported because the import was cancelled. */
  notImported: number
  /** Files in dropped folders that are not dispatches or web pages. */
  skipped: number
  /** The drop held more files than Warta takes at once (maxDroppedFiles). */
  truncated: boolean
}

export const noImportNote: ImportNote = { notImported: 0, skipped: 0, truncated: false }

export interface WebImportOptions {
  /** False until the archive has answered: nothing is taken before. */
  enabled: boolean
  /** An import run ended: show its results and bring the library up to date. */
  onOutcomes: (outcomes: ImportOutcome[], note: ImportNote) => Promise<void> | void
  /** A page was saved: bring the library up to date and open it. */
  onSaved: (articleId: string) => Promise<void> | void
  /** A failure with no dialog left to show it in. */
  onError: (error: AppErrorData) => void
}

interface SaveState {
  open: boolean
  /** Bumped each time the dialog opens, so it starts fresh. */
  session: number
  initialUrl: string
  phase: SavePhase
  savingUrl: string
  error: AppErrorData | null
}

interface ImportState {
  done: number
  /** 0 while dropped folders are still being looked through. */
  total: number
  stopping: boolean
}

export type SavedResult = Output<'importUrl'>

const closedSave: SaveState = { open: false, session: 0, initialUrl: '', phase: 'edit', savingUrl: '', error: null }

const hasType = (data: DataTransfer | null, type: string): boolean => data !== null && Array.from(data.types).includes(type)

export function useWebImport({ enabled, onOutcomes, onSaved, onError }: WebImportOptions) {
  const { t } = useT()
  const [save, setSave] = useState<SaveState>(closedSave)
  const [progress, setProgress] = useState<ImportState | null>(null)
  const [dragging, setDragging] = useState(false)
  const [saved, setSaved] = useState<SavedResult | null>(null)
  const abort = useRef<AbortController | null>(null)
  const importing = progress !== null

  // The latest state and callbacks, for listeners registered once.
  const latest = useRef({ save, importing, onOutcomes, onSaved, onError })
  useEffect(() => {
    latest.current = { save, importing, onOutcomes, onSaved, onError }
  })

  // -- importing files ---------------------------------------------------------

  const importFiles = useCallback(async (files: readonly SelectedFile[], extra: { failed?: ImportOutcome[]; skipped?: number; truncated?: boolean } = {}) => {
    const controller = new AbortController()
    abort.current = controller
    setProgress({ done: 0, total: files.length, stopping: false })
    try {
      const run =
        files.length > 0
          ? await importInBatches(files, (batch) => request('importFiles', { files: batch }), {
              signal: controller.signal,
              onProgress: ({ done, total }) => setProgress((p) => p && { ...p, done, total }),
            })
          : { outcomes: [], notSent: 0 }
      await latest.current.onOutcomes([...run.outcomes, ...(extra.failed ?? [])], {
        notImported: run.notSent,
        skipped: extra.skipped ?? 0,
        truncated: extra.truncated ?? false,
      })
    } finally {
      abort.current = null
      setProgress(null)
    }
  }, [])

  const cancelImport = useCallback(() => {
    abort.current?.abort()
    setProgress((p) => p && { ...p, stopping: true })
  }, [])

  const importDrop = useCallback(
    async (items: DroppedItem<File>[]) => {
      setProgress({ done: 0, total: 0, stopping: false })
      let walk
      try {
        walk = await walkDrop(items, { maxFiles: maxDroppedFiles })
      } catch {
        setProgress(null)
        return
      }
      const files = walk.files.map(({ name, file }) => ({ name, size: file.size, arrayBuffer: () => file.arrayBuffer() }))
      const failed: ImportOutcome[] = walk.unreadable.map((name) => ({ status: 'failed', name, error: unreadableError(name) }))
      await importFiles(files, { failed, skipped: walk.skipped, truncated: walk.truncated })
    },
    [importFiles],
  )

  // -- saving a page -------------------------------------------------------------

  const saveUrl = useCallback(async (url: string) => {
    setSave((s) => ({ ...s, phase: 'saving', savingUrl: url, error: null }))
    const result = await request('importUrl', { url })
    const outcome = result.ok ? result.value.outcome : null
    if (!result.ok || !outcome || outcome.status === 'failed') {
      const error = !result.ok ? result.error : outcome?.status === 'failed' ? outcome.error : { code: 'INTERNAL' as const, message: 'no outcome' }
      const stillOpen = latest.current.save.open
      setSave((s) => ({ ...s, initialUrl: url, phase: 'failed', error }))
      if (!stillOpen) latest.current.onError(error)
      return
    }
    setSave((s) => ({ ...s, open: false, phase: 'edit', initialUrl: '', error: null }))
    setSaved(result.value)
    await latest.current.onSaved(outcome.article.id)
  }, [])

  const openSaveUrl = useCallback(
    (url?: string, start = false) => {
      const current = latest.current.save
      // While a page is being fetched, the dialog shows that one.
      if (current.phase === 'saving') {
        setSave((s) => ({ ...s, open: true }))
        return
      }
      setSave((s) => ({ ...s, open: true, session: s.session + 1, initialUrl: url ?? (s.phase === 'failed' ? s.initialUrl : ''), phase: 'edit', error: null }))
      // Main gets its page reader ready while the address is typed; the answer does not matter.
      void request('preparePageReader', {})
      if (url && start) void saveUrl(url)
    },
    [saveUrl],
  )

  const closeSaveUrl = useCallback(() => setSave((s) => ({ ...s, open: false })), [])
  const dismissSaved = useCallback(() => setSaved(null), [])

  // -- drops and pastes ------------------------------------------------------------

  useEffect(() => {
    if (!enabled) return
    let depth = 0
    // A drag that started in the window (a selection, a link in an article) is not an import.
    let internal = false
    const wanted = (event: DragEvent): boolean => !internal && (hasType(event.dataTransfer, 'Files') || hasType(event.dataTransfer, 'text/uri-list'))
    const dragStart = (): void => {
      internal = true
    }
    const dragEnd = (): void => {
      internal = false
    }
    const dragEnter = (event: DragEvent): void => {
      if (!wanted(event)) return
      event.preventDefault()
      depth += 1
      setDragging(true)
    }
    const dragOver = (event: DragEvent): void => {
      if (!wanted(event)) return
      // Always taken, so a file dropped while busy never makes the window navigate to it.
      event.preventDefault()
      if (event.dataTransfer) event.dataTransfer.dropEffect = latest.current.importing ? 'none' : 'copy'
    }
    const dragLeave = (event: DragEvent): void => {
      if (!wanted(event)) return
      depth = Math.max(0, depth - 1)
      if (depth === 0) setDragging(false)
    }
    const drop = (event: DragEvent): void => {
      if (!wanted(event)) return
      event.preventDefault()
      depth = 0
      setDragging(false)
      const data = event.dataTransfer
      if (!data || latest.current.importing || document.querySelector('dialog[open]')) return
      // Entries must be taken now: the DataTransfer is emptied once this handler returns.
      const items: DroppedItem<File>[] = []
      for (const item of Array.from(data.items)) {
        if (item.kind !== 'file') continue
        const entry = item.webkitGetAsEntry?.() as DroppedEntry | null | undefined
        const file = entry ? null : item.getAsFile()
        if (entry) items.push({ entry })
        else if (file) items.push({ file, name: file.name })
      }
      if (items.length > 0) {
        void importDrop(items)
        return
      }
      const link = linkFromUriList(data.getData('text/uri-list')) ?? pastedLink(data.getData('text/plain'))
      if (link) openSaveUrl(link, true)
    }
    const paste = (event: ClipboardEvent): void => {
      const data = event.clipboardData
      if (event.defaultPrevented || !data) return
      if (isTextEntry(document.activeElement as HTMLInputElement | null) || document.querySelector('dialog[open]')) return
      const action = classifyPaste({ files: Array.from(data.files), text: data.getData('text/plain'), uriList: data.getData('text/uri-list') })
      if (action.kind === 'none' || latest.current.importing) return
      event.preventDefault()
      if (action.kind === 'files') void importFiles(action.files)
      else if (action.kind === 'url') openSaveUrl(action.url, true)
      else void importFiles([pastedTextFile(action.text, new Date())])
    }
    // One signal removes every listener below when the effect is cleaned up.
    const listening = new AbortController()
    const { signal } = listening
    window.addEventListener('dragstart', dragStart, { signal })
    window.addEventListener('dragend', dragEnd, { signal })
    window.addEventListener('dragenter', dragEnter, { signal })
    window.addEventListener('dragover', dragOver, { signal })
    window.addEventListener('dragleave', dragLeave, { signal })
    window.addEventListener('drop', drop, { signal })
    window.addEventListener('paste', paste, { signal })
    return () => listening.abort()
  }, [enabled, importDrop, importFiles, openSaveUrl])

  // -- what the App renders --------------------------------------------------------

  const overlays: ReactNode = (
    <>
      {progress &&
        (progress.total === 0 ? (
          <section className="import-progress" aria-labelledby="import-progress-title">
            <div className="import-progress-head">
              <span className="web-spinner" aria-hidden="true" />
              <h2 id="import-progress-title" role="status">
                {t('web:import.scanning')}
              </h2>
            </div>
          </section>
        ) : (
          <ImportProgress done={progress.done} total={progress.total} stopping={progress.stopping} onCancel={cancelImport} />
        ))}
      {saved && <SavedToast result={saved} onClose={dismissSaved} />}
    </>
  )

  const layers: ReactNode = (
    <>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-overlay-card">
            <DownloadIcon size={34} />
            <p className="drop-overlay-title">{importing ? t('web:drop.busy') : t('web:drop.title')}</p>
            {!importing && <p className="drop-overlay-hint">{t('web:drop.hint')}</p>}
          </div>
        </div>
      )}
      {save.open && (
        <SaveUrlDialog
          key={save.session}
          initialUrl={save.phase === 'saving' ? save.savingUrl : save.initialUrl}
          phase={save.phase}
          savingUrl={save.savingUrl}
          error={save.error}
          onSave={(url) => void saveUrl(url)}
          onClose={closeSaveUrl}
        />
      )}
    </>
  )

  return { importFiles, openSaveUrl, importing, saving: save.phase === 'saving', overlays, layers }
}
