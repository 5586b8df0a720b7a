// The Feeds view: follow a feed by its address (or a site's), or every feed of an OPML list;
// see each feed's articles, when it was last refreshed and why it failed; refresh one or all
// with progress; choose how many of its articles to keep; unsubscribe, keeping or deleting its
// articles. Feeds are fetched in main; nothing here reaches the network.
import { useCallback, useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react'
import type { AppErrorData, FeedSummary, Language, Result } from '../../../preload/contract'
import { downloadFile } from '../annotations/downloadFile'
import { DownloadIcon, UploadIcon } from '../components/Icons'
import { bytesToBase64 } from '../base64'
import { onEvent, request } from '../bridge'
import { AlertIcon } from '../components/Icons'
import { errorParams } from '../errorText'
import { useT } from '../translationKeys'
import { RefreshIcon, RssIcon } from '../web/WebIcons'
import { FeedCard } from './FeedCard'
import { refreshEach, type RefreshProgress } from './refreshEach'
import { UnsubscribeDialog } from './UnsubscribeDialog'

/** Largest OPML or feed file "Import OPML" sends (webLimits.maxSubscriptionFileBytes). */
const maxSubscriptionFileBytes = 5 * 1024 * 1024

export interface FeedsViewProps {
  language: Language
  /** Show this feed's articles in the library. */
  onShowArticles: (feed: FeedSummary) => void
  /** Articles were added or removed: the library should read itself again. */
  onArchiveChanged: () => void
}

type Message = { kind: 'success'; text: string } | { kind: 'error'; error: AppErrorData; name?: string } | { kind: 'noAddress' }

export function FeedsView({ language, onShowArticles, onArchiveChanged }: FeedsViewProps) {
  const { t } = useT()
  const ids = useId()
  const [feeds, setFeeds] = useState<FeedSummary[] | null>(null)
  const [loadError, setLoadError] = useState<AppErrorData | null>(null)
  const [address, setAddress] = useState('')
  const [subscribing, setSubscribing] = useState(false)
  const [message, setMessage] = useState<Message | null>(null)
  const [refreshing, setRefreshing] = useState<RefreshProgress | null>(null)
  const [refreshingOne, setRefreshingOne] = useState<string | null>(null)
  const [leaving, setLeaving] = useState<FeedSummary | null>(null)
  const [now, setNow] = useState(() => new Date())
  const opmlInput = useRef<HTMLInputElement>(null)
  const addressField = useRef<HTMLInputElement>(null)
  const busy = subscribing || refreshing !== null || refreshingOne !== null

  const showList = useCallback((result: Result<{ feeds: FeedSummary[] }>) => {
    if (result.ok) {
      setFeeds(result.value.feeds)
      setLoadError(null)
    } else setLoadError(result.error)
    setNow(new Date())
  }, [])

  const load = useCallback(async () => showList(await request('listFeeds', {})), [showList])

  useEffect(() => {
    let current = true
    const read = (): void => {
      void request('listFeeds', {}).then((result) => current && showList(result))
    }
    read()
    // "5 minutes ago" moves on by itself.
    const timer = setInterval(() => setNow(new Date()), 30_000)
    // Background refreshes (Electron's timer) change counts and dates.
    const off = onEvent('feedsRefreshed', read)
    return () => {
      current = false
      clearInterval(timer)
      off()
    }
  }, [showList])

  const runRefresh = useCallback(
    async (feedIds: string[]) => {
      if (feedIds.length === 0) return
      setMessage(null)
      setRefreshing({ done: 0, total: feedIds.length, current: feedIds[0] ?? null })
      try {
        const summary = await refreshEach(feedIds, (feedId) => request('refreshFeeds', { feedId }), setRefreshing)
        if (summary.feeds) setFeeds(summary.feeds)
        const parts = [
          t('feeds:refreshed.added', { count: summary.added }),
          summary.newVersions > 0 && t('feeds:refreshed.newVersions', { count: summary.newVersions }),
          summary.removed > 0 && t('feeds:refreshed.removed', { count: summary.removed }),
          summary.failed.length > 0 && t('feeds:refreshed.failed', { count: summary.failed.length }),
        ].filter(Boolean)
        setMessage({ kind: 'success', text: t('feeds:refreshed.summary', { count: feedIds.length, details: parts.join(' · ') }) })
        if (summary.added + summary.newVersions + summary.removed > 0) onArchiveChanged()
      } finally {
        setRefreshing(null)
        setNow(new Date())
      }
    },
    [t, onArchiveChanged],
  )

  const subscribe = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const url = address.trim()
    if (url === '') {
      addressField.current?.focus()
      setMessage({ kind: 'noAddress' })
      return
    }
    setSubscribing(true)
    setMessage(null)
    try {
      const result = await request('addFeed', { url })
      if (!result.ok) {
        setMessage({ kind: 'error', error: result.error, name: url })
        addressField.current?.focus()
        return
      }
      setAddress('')
      setMessage({ kind: 'success', text: t('feeds:subscribed', { title: result.value.feed.title, count: result.value.refresh.added }) })
      await load()
      if (result.value.refresh.added > 0) onArchiveChanged()
    } finally {
      setSubscribing(false)
    }
  }

  const refreshOne = async (feed: FeedSummary): Promise<void> => {
    setRefreshingOne(feed.id)
    setMessage(null)
    try {
      const result = await request('refreshFeeds', { feedId: feed.id })
      if (!result.ok) {
        setMessage({ kind: 'error', error: result.error })
        return
      }
      setFeeds(result.value.feeds)
      const outcome = result.value.results[0]
      if (outcome?.error) setMessage({ kind: 'error', error: outcome.error, name: feed.title })
      else if (outcome) {
        setMessage({ kind: 'success', text: t('feeds:refreshedOne', { title: feed.title, count: outcome.added }) })
        if (outcome.added + outcome.newVersions + outcome.removed > 0) onArchiveChanged()
      }
    } finally {
      setRefreshingOne(null)
      setNow(new Date())
    }
  }

  const importOpml = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (!file) return
    setMessage(null)
    if (file.size > maxSubscriptionFileBytes) {
      setMessage({ kind: 'error', error: { code: 'TOO_LARGE', message: 'too large', params: { name: file.name, maxMegabytes: 5 } }, name: file.name })
      return
    }
    const contentBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()))
    const result = await request('importOpml', { name: file.name.slice(-255), contentBase64 })
    if (!result.ok) {
      setMessage({ kind: 'error', error: result.error, name: file.name })
      return
    }
    await load()
    const { added, alreadyFollowed } = result.value
    const text = [
      t('feeds:opml.added', { count: added.length }),
      alreadyFollowed > 0 && t('feeds:opml.alreadyFollowed', { count: alreadyFollowed }),
    ].filter(Boolean)
    // An OPML list names feeds without their articles: fetch them now, with progress.
    await runRefresh(added.map((f) => f.id))
    setMessage({ kind: 'success', text: text.join(' · ') })
  }

  const exportOpml = async (): Promise<void> => {
    const result = await request('exportOpml', {})
    if (result.ok) downloadFile(result.value.fileName, result.value.content, 'text/x-opml')
    else setMessage({ kind: 'error', error: result.error })
  }

  const unsubscribe = async (feed: FeedSummary, deleteArticles: boolean): Promise<void> => {
    const result = await request('removeFeed', { feedId: feed.id, deleteArticles })
    setLeaving(null)
    if (!result.ok) {
      setMessage({ kind: 'error', error: result.error })
      return
    }
    const { removedArticles, keptArticles } = result.value
    const details = deleteArticles
      ? [t('feeds:unsubscribed.deleted', { count: removedArticles }), keptArticles > 0 && t('feeds:unsubscribed.keptMarked', { count: keptArticles })].filter(Boolean).join(' · ')
      : t('feeds:unsubscribed.kept', { count: keptArticles })
    setMessage({ kind: 'success', text: t('feeds:unsubscribed.done', { title: feed.title, details }) })
    await load()
    if (removedArticles > 0) onArchiveChanged()
  }

  const retentionSaved = (feed: FeedSummary, removedArticles: number): void => {
    setFeeds((list) => list?.map((f) => (f.id === feed.id ? feed : f)) ?? null)
    setMessage({
      kind: 'success',
      text: removedArticles > 0 ? t('feeds:retention.savedRemoved', { title: feed.title, count: removedArticles }) : t('feeds:retention.saved', { title: feed.title }),
    })
    if (removedArticles > 0) onArchiveChanged()
  }

  const articleTotal = feeds?.reduce((n, f) => n + f.articleCount, 0) ?? 0

  return (
    <div className="feeds-view">
      <div className="feeds-view-inner">
        <header className="feeds-view-header">
          <div>
            <h1>{t('feeds:title')}</h1>
            <p className="feeds-view-summary">{feeds && feeds.length > 0 ? t('feeds:summary', { count: feeds.length, articles: t('feeds:articleCount', { count: articleTotal }) }) : t('feeds:lead')}</p>
          </div>
          <div className="feeds-view-actions">
            {feeds && feeds.length > 0 && (
              <button type="button" className="button" disabled={busy} onClick={() => void runRefresh(feeds.map((f) => f.id))}>
                <RefreshIcon size={16} className={refreshing ? 'web-spin' : undefined} />
                <span>{t('feeds:refreshAll')}</span>
              </button>
            )}
            <button type="button" className="button" disabled={busy} onClick={() => opmlInput.current?.click()}>
              <UploadIcon size={16} />
              <span>{t('feeds:opml.import')}</span>
            </button>
            {feeds && feeds.length > 0 && (
              <button type="button" className="button" onClick={() => void exportOpml()}>
                <DownloadIcon size={16} />
                <span>{t('feeds:opml.export')}</span>
              </button>
            )}
            <input
              ref={opmlInput}
              type="file"
              accept=".opml,.xml,.rss,.atom,.json,text/xml,application/xml,text/x-opml"
              className="visually-hidden"
              tabIndex={-1}
              aria-hidden="true"
              aria-label={t('feeds:opml.inputLabel')}
              onChange={(event) => void importOpml(event)}
            />
          </div>
        </header>

        <form className="feed-subscribe" onSubmit={(event) => void subscribe(event)}>
          <label htmlFor={`${ids}-address`} className="feed-subscribe-label">
            {t('feeds:subscribe.label')}
          </label>
          <div className="feed-subscribe-row">
            <span className="feed-subscribe-icon">
              <RssIcon size={16} />
            </span>
            <input
              ref={addressField}
              id={`${ids}-address`}
              className="web-field"
              type="url"
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              placeholder={t('feeds:subscribe.placeholder')}
              aria-describedby={`${ids}-address-hint`}
              value={address}
              readOnly={subscribing}
              onChange={(event) => setAddress(event.target.value)}
            />
            <button type="submit" className="button button-primary" disabled={subscribing}>
              {subscribing ? t('feeds:subscribe.busy') : t('feeds:subscribe.button')}
            </button>
          </div>
          <p id={`${ids}-address-hint`} className="hint">
            {t('feeds:subscribe.hint')}
          </p>
        </form>

        <div className="feeds-status" aria-live="polite">
          {refreshing ? (
            <div className="feeds-progress" role="status">
              <p>
                {t('feeds:refreshing', {
                  done: Math.min(refreshing.done + 1, refreshing.total),
                  count: refreshing.total,
                  title: feeds?.find((f) => f.id === refreshing.current)?.title ?? '',
                })}
              </p>
              <progress className="web-progress" max={refreshing.total} value={refreshing.done} aria-label={t('feeds:refreshAll')} />
            </div>
          ) : message?.kind === 'success' ? (
            <p className="feeds-message feeds-message-success">{message.text}</p>
          ) : message?.kind === 'error' || message?.kind === 'noAddress' ? (
            <p className="feeds-message feeds-message-error" role="alert">
              <AlertIcon size={16} />
              <span>{message.kind === 'noAddress' ? t('feeds:subscribe.empty') : t(`errors:${message.error.code}`, errorParams(message.error, { name: message.name ?? '' }))}</span>
            </p>
          ) : null}
        </div>

        {loadError ? (
          <p className="feeds-message feeds-message-error" role="alert">
            <AlertIcon size={16} />
            <span>{t(`errors:${loadError.code}`, errorParams(loadError))}</span>
          </p>
        ) : !feeds ? (
          <p className="hint" role="status">
            {t('feeds:loading')}
          </p>
        ) : feeds.length === 0 ? (
          <div className="feeds-empty">
            <RssIcon size={30} />
            <p className="feeds-empty-title">{t('feeds:empty')}</p>
            <p>{t('feeds:emptyHint')}</p>
          </div>
        ) : (
          <ul className="feed-list" aria-label={t('feeds:listLabel')}>
            {feeds.map((feed) => (
              <FeedCard
                key={feed.id}
                feed={feed}
                language={language}
                now={now}
                refreshing={refreshingOne === feed.id || refreshing?.current === feed.id}
                disabled={busy}
                onShowArticles={() => onShowArticles(feed)}
                onRefresh={() => void refreshOne(feed)}
                onUnsubscribe={() => setLeaving(feed)}
                onRetentionSaved={retentionSaved}
                onError={(error) => setMessage({ kind: 'error', error, name: feed.title })}
              />
            ))}
          </ul>
        )}
      </div>
      {leaving && <UnsubscribeDialog feed={leaving} onCancel={() => setLeaving(null)} onConfirm={(deleteArticles) => unsubscribe(leaving, deleteArticles)} />}
    </div>
  )
}
