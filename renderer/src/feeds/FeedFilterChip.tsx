// In the library's filter bar while it shows one feed's articles: the feed's name, and a way
// back to every article.
import { useEffect, useState } from 'react'
import { request } from '../bridge'
import { CloseIcon } from '../components/Icons'
import { useT } from '../translationKeys'
import { RssIcon } from '../web/WebIcons'

export function FeedFilterChip({ feedId, onClear }: { feedId: string; onClear: () => void }) {
  const { t } = useT()
  const [title, setTitle] = useState<{ feedId: string; title: string } | null>(null)

  useEffect(() => {
    let current = true
    void request('listFeeds', {}).then((result) => {
      const feed = result.ok ? result.value.feeds.find((f) => f.id === feedId) : undefined
      if (current) setTitle({ feedId, title: feed?.title ?? '…' })
    })
    return () => {
      current = false
    }
  }, [feedId])

  const name = title?.feedId === feedId ? title.title : '…'
  return (
    <span className="feed-filter-chip">
      <RssIcon size={13} />
      <span className="feed-filter-name">{t('feeds:filter.chip', { title: name })}</span>
      <button type="button" className="icon-button feed-filter-clear" aria-label={t('feeds:filter.clear')} title={t('feeds:filter.clear')} onClick={onClear}>
        <CloseIcon size={13} />
      </button>
    </span>
  )
}
