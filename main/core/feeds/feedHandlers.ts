// The contract's feed methods over the archive's subscriptions (feedService.ts).
import type { Handlers } from '../handlers'
import { AppError } from '../errors'
import type { WebServices } from '../web/webServices'

export function createFeedHandlers(
  services: WebServices,
): Pick<Handlers, 'listFeeds' | 'addFeed' | 'refreshFeeds' | 'removeFeed' | 'setFeedRetention' | 'importOpml' | 'exportOpml'> {
  const { feeds } = services
  return {
    listFeeds: async () => ({ feeds: await feeds.list() }),
    addFeed: async ({ url }) => feeds.add(url),
    refreshFeeds: async ({ feedId }) => {
      const results = await feeds.refresh(feedId)
      return { results, feeds: await feeds.list() }
    },
    removeFeed: async ({ feedId, deleteArticles }) => feeds.remove(feedId, deleteArticles),
    setFeedRetention: async ({ feedId, retention }) => feeds.setRetention(feedId, retention),
    importOpml: async ({ name, contentBase64 }) => {
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(contentBase64)) throw new AppError('INVALID_INPUT', `${name} was not sent as base64`, { name })
      return feeds.importFile(name, Buffer.from(contentBase64, 'base64'))
    },
    exportOpml: async () => feeds.exportOpml(),
  }
}
