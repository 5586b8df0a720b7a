// Every highlight and note across the archive, newest first: filter by colour, by words in the
// quote or the note, or to those with notes; open one to read it in place. Fetched a page at a
// time ("Show more"), so 100,000 notes cost a few small calls. Also where all annotations leave
// (W3C JSON-LD) and come back.
import { useEffect, useRef, useState, type ChangeEvent, type MouseEvent } from 'react'
import type { AnnotationColour, AnnotationImportResult, AnnotationListItem, AppErrorData, Language } from '../../../preload/contract'
import { request } from '../bridge'
import { errorParams } from '../errorText'
import { formatDay } from '../interfaceLocale'
import { useT } from '../translationKeys'
import { DownloadIcon, UploadIcon } from '../components/Icons'
import { HighlighterIcon } from './AnnotationIcons'
import { SearchIcon } from '../search/SearchIcons'
import { maxAnnotationFileChars } from './annotationFiles'
import { colours } from './colours'
import { downloadFile } from './downloadFile'
import { CloseIcon } from '../components/Icons'

const PAGE = 50
/** Typing settles this long before the list is asked again. */
const TYPING_MS = 200

export interface AnnotationsViewProps {
  language: Language
  onOpen: (articleId: string, annotationId: string) => void
  onError: (error: AppErrorData) => void
}

interface Filters {
  colour: AnnotationColour | null
  text: string
  withNotes: boolean
}

type ImportReport = { name: string; result: AnnotationImportResult } | { name: string; error: AppErrorData }

export function AnnotationsView({ language, onOpen, onError }: AnnotationsViewProps) {
  const { t } = useT()
  const [filters, setFilters] = useState<Filters>({ colour: null, text: '', withNotes: false })
  const [typed, setTyped] = useState('')
  const [list, setList] = useState<{ items: AnnotationListItem[]; total: number; loaded: boolean; archiveTotal: number | null }>({
    items: [],
    total: 0,
    loaded: false,
    archiveTotal: null,
  })
  const [version, setVersion] = useState(0)
  const [importing, setImporting] = useState(false)
  const [report, setReport] = useState<ImportReport | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const errors = useRef(onError)
  useEffect(() => {
    errors.current = onError
  })

  useEffect(() => {
    const timer = setTimeout(() => setFilters((f) => (f.text === typed ? f : { ...f, text: typed })), TYPING_MS)
    return () => clearTimeout(timer)
  }, [typed])

  const query = {
    ...(filters.colour ? { colour: filters.colour } : {}),
    ...(filters.text.trim() ? { text: filters.text.trim() } : {}),
    ...(filters.withNotes ? { hasNote: true } : {}),
  }
  const filtered = Object.keys(query).length > 0
  const queryKey = JSON.stringify(query)

  useEffect(() => {
    let current = true
    const parsed = JSON.parse(queryKey) as typeof query
    void Promise.all([
      request('listAnnotations', { ...parsed, offset: 0, limit: PAGE }),
      // How many there are in all, for the heading; only needed when filtered.
      Object.keys(parsed).length > 0 ? request('listAnnotations', { offset: 0, limit: 1 }) : null,
    ]).then(([page, all]) => {
      if (!current) return
      if (!page.ok) {
        errors.current(page.error)
        return
      }
      const archiveTotal = all ? (all.ok ? all.value.total : null) : page.value.total
      setList({ items: page.value.items, total: page.value.total, loaded: true, archiveTotal })
    })
    return () => {
      current = false
    }
  }, [queryKey, version])

  const showMore = async (): Promise<void> => {
    const result = await request('listAnnotations', { ...query, offset: list.items.length, limit: PAGE })
    if (!result.ok) {
      onError(result.error)
      return
    }
    setList((l) => ({ ...l, items: [...l.items, ...result.value.items.filter((i) => !l.items.some((k) => k.id === i.id))], total: result.value.total }))
  }

  const exportAll = async (): Promise<void> => {
    const result = await request('exportAnnotations', {})
    if (!result.ok) onError(result.error)
    else downloadFile(result.value.fileName, result.value.content, 'application/ld+json;charset=utf-8')
  }

  const importChosen = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (!file) return
    setImporting(true)
    try {
      const content = file.size > maxAnnotationFileChars * 4 ? null : await file.text()
      if (content === null || content.length > maxAnnotationFileChars) {
        setReport({ name: file.name, error: { code: 'TOO_LARGE', message: 'too large', params: { context: 'annotations', maxMegabytes: maxAnnotationFileChars / (1024 * 1024) } } })
        return
      }
      const result = await request('importAnnotations', { content })
      setReport(result.ok ? { name: file.name, result: result.value } : { name: file.name, error: result.error })
      if (result.ok && result.value.imported > 0) setVersion((v) => v + 1)
    } finally {
      setImporting(false)
    }
  }

  const setColour = (colour: AnnotationColour | null): void => setFilters((f) => ({ ...f, colour }))
  const clear = (): void => {
    setTyped('')
    setFilters({ colour: null, text: '', withNotes: false })
  }
  const number = new Intl.NumberFormat(language === 'id' ? 'id-ID' : 'en-GB')

  return (
    <section className="annotations-view" aria-labelledby="annotations-view-title">
      <div className="annotations-view-inner">
        <header className="annotations-view-header">
          <div>
            <h1 id="annotations-view-title">{t('annotations:viewTitle')}</h1>
            <p className="annotations-view-summary" aria-live="polite">
              {list.loaded && list.archiveTotal !== null && t('annotations:viewSummary', { count: list.archiveTotal })}
              {list.loaded && filtered && <> · {t('annotations:matching', { count: list.total })}</>}
            </p>
          </div>
          <div className="annotations-view-actions">
            <button type="button" className="button" disabled={list.archiveTotal === 0} onClick={() => void exportAll()}>
              <DownloadIcon size={16} />
              <span>{t('annotations:exportAllShort')}</span>
            </button>
            <button type="button" className="button" disabled={importing} onClick={() => fileInput.current?.click()}>
              <UploadIcon size={16} />
              <span>{importing ? t('annotations:importing') : t('annotations:importShort')}</span>
            </button>
            <input
              ref={fileInput}
              type="file"
              accept=".jsonld,.json,application/ld+json,application/json"
              className="visually-hidden"
              tabIndex={-1}
              aria-hidden="true"
              aria-label={t('annotations:importAnnotations')}
              onChange={(event) => void importChosen(event)}
            />
          </div>
        </header>

        {report && <ImportSummary report={report} onClose={() => setReport(null)} />}

        <div className="annotations-filters" role="group" aria-label={t('annotations:filtersLabel')}>
          <label className="search-field">
            <SearchIcon size={16} />
            <input
              type="search"
              value={typed}
              placeholder={t('annotations:searchPlaceholder')}
              aria-label={t('annotations:searchPlaceholder')}
              maxLength={500}
              onChange={(event) => setTyped(event.target.value)}
            />
          </label>
          <div className="colour-filter" role="group" aria-label={t('annotations:filterColour')}>
            <button type="button" className="chip" aria-pressed={filters.colour === null} onClick={() => setColour(null)}>
              {t('annotations:anyColour')}
            </button>
            {colours.map((colour) => (
              <button key={colour} type="button" className="chip" aria-pressed={filters.colour === colour} onClick={() => setColour(filters.colour === colour ? null : colour)}>
                <span className={`swatch swatch-small swatch-${colour}`} aria-hidden="true" />
                <span>{t(`annotations:colour.${colour}`)}</span>
              </button>
            ))}
          </div>
          <button type="button" className="chip" aria-pressed={filters.withNotes} onClick={() => setFilters((f) => ({ ...f, withNotes: !f.withNotes }))}>
            {t('annotations:withNotes')}
          </button>
          {(filtered || typed !== '') && (
            <button type="button" className="button button-quiet button-small" onClick={clear}>
              {t('annotations:clearFilters')}
            </button>
          )}
        </div>

        {!list.loaded ? (
          <p className="hint" role="status">
            {t('annotations:loading')}
          </p>
        ) : list.items.length === 0 ? (
          <div className="annotations-empty">
            <HighlighterIcon size={30} />
            <p className="annotations-empty-title">{filtered ? t('annotations:noMatches') : t('annotations:empty')}</p>
          </div>
        ) : (
          <ol className="annotation-cards">
            {list.items.map((item) => (
              <AnnotationCard key={item.id} item={item} language={language} onOpen={onOpen} />
            ))}
          </ol>
        )}
        {list.items.length < list.total && (
          <button type="button" className="button annotations-more" onClick={() => void showMore()}>
            {t('annotations:showMore')} <span className="tab-count">{number.format(list.total - list.items.length)}</span>
          </button>
        )}
      </div>
    </section>
  )
}

function AnnotationCard({ item, language, onOpen }: { item: AnnotationListItem; language: Language; onOpen: (articleId: string, annotationId: string) => void }) {
  const { t } = useT()
  const day = formatDay(item.createdAt, language)
  const body = (
    <>
      <span className="annotation-card-quote">{item.quote.exact}</span>
      {item.note !== '' && <span className="annotation-card-note">{item.note}</span>}
      <span className="annotation-card-meta">
        <span className="annotation-card-title">{item.articleTitle ?? t('annotations:articleGone')}</span>
        <time dateTime={item.createdAt} title={t('annotations:madeOn', { date: day })}>
          {day}
        </time>
      </span>
    </>
  )
  return (
    <li className={`annotation-card bar-${item.colour}`}>
      <span className={`swatch swatch-${item.colour} annotation-card-swatch`} title={t(`annotations:colour.${item.colour}`)} />
      {item.articleTitle === null ? (
        <div className="annotation-card-body">{body}</div>
      ) : (
        <a
          className="annotation-card-body"
          href={`#/article/${item.articleId}`}
          title={t('annotations:openAt', { title: item.articleTitle })}
          onClick={(event: MouseEvent) => {
            event.preventDefault()
            onOpen(item.articleId, item.id)
          }}
        >
          {body}
        </a>
      )}
    </li>
  )
}

function ImportSummary({ report, onClose }: { report: ImportReport; onClose: () => void }) {
  const { t } = useT()
  const lines: string[] = []
  if ('error' in report) {
    lines.push(t(`errors:${report.error.code}`, errorParams(report.error, { name: report.name })))
  } else {
    const { imported, duplicates, skipped } = report.result
    const skippedTotal = skipped.invalid + skipped.unknownArticle + skipped.tooMany
    lines.push(imported > 0 ? t('annotations:imported', { count: imported }) : t('annotations:nothingImported'))
    if (duplicates > 0) lines.push(t('annotations:duplicates', { count: duplicates }))
    if (skippedTotal > 0) lines.push(t('annotations:skipped', { count: skippedTotal }))
  }
  const reasons =
    'result' in report
      ? (['invalid', 'unknownArticle', 'tooMany'] as const)
          .filter((reason) => report.result.skipped[reason] > 0)
          .map((reason) => t('annotations:skippedItem', { count: report.result.skipped[reason], reason: t(`annotations:skipReason.${reason}`) }))
      : []
  return (
    <section className={'error' in report ? 'annotations-import annotations-import-failed' : 'annotations-import'} aria-labelledby="annotations-import-title">
      <header>
        <h2 id="annotations-import-title">
          {t('annotations:importResult')} <span className="annotations-import-file">{report.name}</span>
        </h2>
        <button type="button" className="icon-button" aria-label={t('annotations:dismiss')} title={t('annotations:dismiss')} onClick={onClose}>
          <CloseIcon size={16} />
        </button>
      </header>
      <p role="status">{lines.join(' ')}</p>
      {reasons.length > 0 && (
        <ul>
          {reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
    </section>
  )
}
