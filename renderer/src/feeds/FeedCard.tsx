// One followed feed: its title (which shows its articles in the library), address, article
// count, when it was last refreshed, why the last refresh failed, and its own actions —
// refresh, how many articles to keep, unsubscribe.
import { useId, useState } from 'react'
import type { AppErrorData, FeedSummary, Language } from '../../../preload/contract'
import { request } from '../bridge'
import { AlertIcon } from '../components/Icons'
import { TrashIcon } from '../annotations/AnnotationIcons'
import { errorParams } from '../errorText'
import { useT } from '../translationKeys'
import { RefreshIcon, RssIcon } from '../web/WebIcons'
import { changesRetention, choiceOf, isValidCount, limitsOf, retentionLimits, retentionOf, type RetentionChoice, type RetentionLimit, type RetentionMode } from './feedRetention'
import { formatMoment, formatSince } from './relativeTime'

export interface FeedCardProps {
  feed: FeedSummary
  language: Language
  /** For "5 minutes ago"; moves on while the view is open. */
  now: Date
  refreshing: boolean
  /** Another feed operation is under way. */
  disabled: boolean
  onShowArticles: () => void
  onRefresh: () => void
  onUnsubscribe: () => void
  onRetentionSaved: (feed: FeedSummary, removedArticles: number) => void
  onError: (error: AppErrorData) => void
}

export function FeedCard({ feed, language, now, refreshing, disabled, onShowArticles, onRefresh, onUnsubscribe, onRetentionSaved, onError }: FeedCardProps) {
  const { t } = useT()
  const ids = useId()
  return (
    <li className={feed.lastError ? 'feed-card feed-card-failing' : 'feed-card'} aria-labelledby={`${ids}-title`}>
      <div className="feed-card-head">
        <span className="feed-card-icon">
          <RssIcon size={18} />
        </span>
        <div className="feed-card-names">
          <h2 id={`${ids}-title`} className="feed-card-title">
            <button type="button" className="feed-title-button" title={t('feeds:card.showArticlesHint')} onClick={onShowArticles}>
              {feed.title}
            </button>
          </h2>
          <p className="feed-card-url" title={feed.url}>
            {feed.url}
          </p>
        </div>
        <div className="feed-card-actions">
          <button type="button" className="button button-small" onClick={onShowArticles} disabled={feed.articleCount === 0}>
            {t('feeds:card.showArticles')}
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={t('feeds:card.refresh', { title: feed.title })}
            title={t('feeds:card.refresh', { title: feed.title })}
            disabled={disabled}
            onClick={onRefresh}
          >
            <RefreshIcon size={17} className={refreshing ? 'web-spin' : undefined} />
          </button>
          <button
            type="button"
            className="icon-button feed-unsubscribe"
            aria-label={t('feeds:card.unsubscribe', { title: feed.title })}
            title={t('feeds:card.unsubscribe', { title: feed.title })}
            disabled={disabled}
            onClick={onUnsubscribe}
          >
            <TrashIcon size={17} />
          </button>
        </div>
      </div>
      <p className="feed-card-meta">
        <span>{t('feeds:articleCount', { count: feed.articleCount })}</span>
        <span aria-hidden="true">·</span>
        {refreshing ? (
          <span>{t('feeds:card.refreshingNow')}</span>
        ) : feed.lastFetched ? (
          <time dateTime={feed.lastFetched} title={formatMoment(feed.lastFetched, language)}>
            {t(feed.lastError ? 'feeds:card.lastTried' : 'feeds:card.lastRefreshed', { when: formatSince(feed.lastFetched, now, language) })}
          </time>
        ) : (
          <span>{t('feeds:card.neverRefreshed')}</span>
        )}
      </p>
      {feed.lastError && !refreshing && (
        <p className="feed-card-error">
          <AlertIcon size={15} />
          <span>{t(`errors:${feed.lastError.code}`, errorParams(feed.lastError, { name: feed.title }))}</span>
        </p>
      )}
      <RetentionEditor key={JSON.stringify(feed.retention)} feed={feed} disabled={disabled} onSaved={onRetentionSaved} onError={onError} />
    </li>
  )
}

const modes: readonly RetentionMode[] = ['all', 'last', 'days', 'both']

function RetentionEditor({ feed, disabled, onSaved, onError }: { feed: FeedSummary; disabled: boolean; onSaved: FeedCardProps['onRetentionSaved']; onError: FeedCardProps['onError'] }) {
  const { t } = useT()
  const ids = useId()
  const [mode, setMode] = useState<RetentionMode>(() => choiceOf(feed.retention).mode)
  // Each limit keeps its own number, so trying another mode and coming back loses nothing.
  const [counts, setCounts] = useState<Record<RetentionLimit, string>>(() => {
    const { last, days } = choiceOf(feed.retention)
    return { last: String(last), days: String(days) }
  })
  const [saving, setSaving] = useState(false)
  const typed: RetentionChoice = { mode, last: Number(counts.last), days: Number(counts.days) }
  const valid = retentionOf(typed) !== null
  const changed = changesRetention(feed.retention, typed) || !valid
  const invalidLimit = limitsOf[mode].find((limit) => !isValidCount(limit, typed[limit]))

  const save = async (): Promise<void> => {
    const retention = retentionOf(typed)
    if (!retention) return
    setSaving(true)
    try {
      const result = await request('setFeedRetention', { feedId: feed.id, retention })
      if (result.ok) onSaved(result.value.feed, result.value.removedArticles)
      else onError(result.error)
    } finally {
      setSaving(false)
    }
  }

  return (
    <div className="feed-retention" role="group" aria-labelledby={`${ids}-label`}>
      <span id={`${ids}-label`} className="feed-retention-label">
        {t('feeds:retention.label')}
      </span>
      <select
        className="feed-retention-mode"
        aria-label={t('feeds:retention.modeLabel')}
        value={mode}
        disabled={disabled || saving}
        onChange={(event) => setMode(event.target.value as RetentionMode)}
      >
        {modes.map((mode) => (
          <option key={mode} value={mode}>
            {t(`feeds:retention.mode.${mode}`)}
          </option>
        ))}
      </select>
      {limitsOf[mode].map((limit) => (
        <label key={limit} className="feed-retention-count">
          <input
            type="number"
            inputMode="numeric"
            min={retentionLimits[limit].min}
            max={retentionLimits[limit].max}
            step={1}
            value={counts[limit]}
            aria-invalid={!isValidCount(limit, typed[limit])}
            disabled={disabled || saving}
            onChange={(event) => setCounts({ ...counts, [limit]: event.target.value })}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && valid && changed) {
                event.preventDefault()
                void save()
              }
            }}
          />
          <span>{t(limit === 'last' ? 'feeds:retention.unitArticles' : 'feeds:retention.unitDays', { count: typed[limit] || 0 })}</span>
        </label>
      ))}
      {changed && (
        <button type="button" className="button button-small button-primary" disabled={!valid || disabled || saving} onClick={() => void save()}>
          {saving ? t('feeds:retention.saving') : t('feeds:retention.save')}
        </button>
      )}
      {invalidLimit && (
        <span className="feed-retention-problem">
          {t('feeds:retention.invalid', { min: retentionLimits[invalidLimit].min, max: retentionLimits[invalidLimit].max })}
        </span>
      )}
      {!changed && mode !== 'all' && <span className="hint">{t('feeds:retention.keptAlways')}</span>}
    </div>
  )
}
