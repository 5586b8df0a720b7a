// The handler table: every contract method as a plain function over the archive. The same
// table runs under vitest, behind ipcMain in Electron and behind the loopback preview host.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Language, Method, Output, ParsedInput, Settings } from '../../preload/contract'
import type { Archive } from './archive/archive'
import { AppError } from './errors'
import { importFiles } from './import/importFiles'
import { createAnnotationHandlers } from './annotations/annotationHandlers'
import { createRecoveryHandlers } from './archive/recoveryHandlers'
import { createSearchHandlers } from './search/searchHandlers'
import type { SearchIndex } from './search/searchIndex'
import { createFeedHandlers } from './feeds/feedHandlers'
import { createWebHandlers } from './web/webHandlers'
import { createWebServices, type WebOptions } from './web/webServices'

export interface HostContext {
  archive: Archive
  /** The OS (or browser) locale, used until the user picks a language. */
  systemLocale: string
  /** Where the bundled sample dispatches live. */
  samplesDir: string
  /** Lets the host follow a language change (the native menu is rebuilt in it). */
  onSettingsChanged?: (settings: Settings) => void
  /**
   * The derived full-text index, when the host keeps one (search/searchHost.ts starts it). It
   * follows the archive's onChange announcements, so new ways of adding, changing or removing
   * articles only need to emit an ArchiveChange inside the archive; annotation changes update
   * its notes with indexArticles(summaries, notesOf). Without it searchArticles is UNSUPPORTED.
   */
  searchIndex?: SearchIndex
  /** Fetching and reading pages: the app's version for the User-Agent, the extraction worker, timeouts (web/webServices.ts). */
  web?: WebOptions
  /** Opens an http(s) link in the system browser (Electron: shell.openExternal); without it openExternal is UNSUPPORTED. */
  openExternal?: (url: string) => Promise<void>
}

export type Handlers = { [M in Method]: (input: ParsedInput<M>) => Promise<Output<M>> }

/** Indonesian for an Indonesian or Malay system, English otherwise. */
export function languageFromLocale(locale: string): Language {
  return /^(id|in|ms)([-_.@]|$)/i.test(locale) ? 'id' : 'en'
}

/** The language the user chose, else the system's. */
export const settingsFor = (chosen: Language | null, systemLocale: string): Settings => ({ language: chosen ?? languageFromLocale(systemLocale) })

function decodeBase64(name: string, base64: string): Uint8Array {
  // Node's decoder skips invalid characters silently; a strict check keeps garbage out.
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw new AppError('INVALID_INPUT', `${name} was not sent as base64`, { name })
  return Buffer.from(base64, 'base64')
}

export function createHandlers(ctx: HostContext): Handlers {
  const { archive } = ctx
  const web = createWebServices(archive, ctx.web)
  const settings = (): Settings => settingsFor(archive.language, ctx.systemLocale)

  return {
    getSettings: async () => settings(),

    setLanguage: async ({ language }) => {
      await archive.setLanguage(language)
      const next = settings()
      ctx.onSettingsChanged?.(next)
      return next
    },

    listArticles: async (query) => archive.libraryPage(query),

    getArticle: async ({ articleId }) => archive.getArticle(articleId),

    importFiles: async ({ files }) => ({
      outcomes: await importFiles(
        archive,
        files.map((f) => ({ name: f.name, bytes: decodeBase64(f.name, f.contentBase64) })),
        { extract: web.extract },
      ),
    }),

    importSamples: async () => {
      const names = (await readdir(ctx.samplesDir)).filter((n) => n.endsWith('.txt')).sort()
      const files = await Promise.all(names.map(async (name) => ({ name, bytes: await readFile(join(ctx.samplesDir, name)) })))
      return { outcomes: await importFiles(archive, files) }
    },

    setBookmark: async ({ articleId, bookmarked }) => ({ bookmarked: await archive.setBookmark(articleId, bookmarked) }),

    markRead: async ({ articleId }) => {
      await archive.markRead(articleId)
      return { read: true as const }
    },

    renameArticle: async ({ articleId, title }) => archive.rename(articleId, title),

    ...createAnnotationHandlers(ctx),
    ...createSearchHandlers(ctx),
    ...createWebHandlers(ctx, web),
    ...createFeedHandlers(web),
    ...createRecoveryHandlers(ctx),
  }
}
