// The contract's web and version methods over the archive: saving a page by its address,
// an article's earlier versions, and links leaving the app.
import type { Handlers, HostContext } from '../handlers'
import { AppError } from '../errors'
import type { WebServices } from './webServices'
import { savePage } from './webImport'

export function createWebHandlers(
  ctx: HostContext,
  services: WebServices,
): Pick<Handlers, 'preparePageReader' | 'importUrl' | 'listVersions' | 'getVersion' | 'openExternal'> {
  const { archive } = ctx
  return {
    preparePageReader: async () => {
      // Not awaited: the dialog goes on at once; a reader that cannot start says so on the save.
      void services.warmUp()
      return {}
    },

    importUrl: async ({ url }) => {
      const { outcome, imagesSaved, imagesSkipped } = await savePage(archive, url, services)
      return { outcome: { status: outcome.status, name: url, article: outcome.article }, imagesSaved, imagesSkipped }
    },

    listVersions: async ({ articleId }) => ({ versions: await archive.listVersions(articleId) }),

    getVersion: async ({ articleId, index }) => archive.getArticle(articleId, index),

    openExternal: async ({ url }) => {
      if (!ctx.openExternal) throw new AppError('UNSUPPORTED', 'This host cannot open links in a browser', { name: url })
      let parsed: URL
      try {
        parsed = new URL(url)
      } catch {
        throw new AppError('BAD_URL', `${url} is not a web address`, { url })
      }
      // Only web links leave the app: never file:, javascript:, custom schemes.
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new AppError('BAD_URL', `${url} is not an http or https address`, { url })
      await ctx.openExternal(parsed.href)
      return { opened: true as const }
    },
  }
}
