// The preload: exposes exactly the contract's methods and `on`, frozen, as `window.warta`.
// It imports only types from the contract: the contract's values would bundle zod into every
// page load, so the names are listed here and test/electron/preload.test.ts checks them
// against the contract (and tsc checks that none is missing or unknown).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { AppErrorData, EventName, Method, Result, WartaApi } from './contract'

export const methodNames = [
  'getSettings',
  'setLanguage',
  'listArticles',
  'getArticle',
  'importFiles',
  'importSamples',
  'setBookmark',
  'markRead',
  'renameArticle',
  'preparePageReader',
  'importUrl',
  'listFeeds',
  'addFeed',
  'refreshFeeds',
  'setFeedRetention',
  'removeFeed',
  'importOpml',
  'exportOpml',
  'listVersions',
  'getVersion',
  'openExternal',
  // annotations
  'createAnnotation',
  'restoreAnnotation',
  'updateAnnotation',
  'deleteAnnotation',
  'listArticleAnnotations',
  'listAnnotations',
  'exportArticleAnnotations',
  'exportAnnotations',
  'importAnnotations',
  // search
  'searchArticles',
  'getSearchStatus',
  'listSources',
  // archive recovery
  'getRecoveryReport',
  'dismissRecoveryReport',
] as const satisfies readonly Method[]

export const eventNames = ['settingsChanged', 'archiveChanged', 'feedsRefreshed', 'searchIndexProgress', 'menuCommand'] as const satisfies readonly EventName[]

/** Fails to compile when the contract gains a method or event these lists lack. */
type Exhaustive<Missing extends never> = Missing
export type AllMethodsListed = Exhaustive<Exclude<Method, (typeof methodNames)[number]>>
export type AllEventsListed = Exhaustive<Exclude<EventName, (typeof eventNames)[number]>>

// Same derivation as the contract's channelOf / eventChannelOf (checked by the preload test).
const callChannel = (method: Method): string => `warta:${method}`
const eventChannel = (event: EventName): string => `warta-event:${event}`

const unreachable = (method: string): Result<never> => {
  const error: AppErrorData = { code: 'INTERNAL', message: `${method}: Warta's main process did not answer` }
  return { ok: false, error }
}

const call = (method: Method) => (input: unknown) =>
  ipcRenderer.invoke(callChannel(method), input).catch(() => unreachable(method)) as Promise<Result<unknown>>

const knownEvents: ReadonlySet<string> = new Set(eventNames)

function on(event: EventName, listener: (payload: unknown) => void): () => void {
  if (typeof event !== 'string' || !knownEvents.has(event)) throw new TypeError(`warta.on: unknown event ${String(event).slice(0, 64)}`)
  if (typeof listener !== 'function') throw new TypeError('warta.on: the listener must be a function')
  const channel = eventChannel(event)
  // The page gets the payload only, never Electron's event (it carries `sender`).
  const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload)
  ipcRenderer.on(channel, forward)
  return () => {
    ipcRenderer.removeListener(channel, forward)
  }
}

export const api = Object.freeze({
  ...Object.fromEntries(methodNames.map((method) => [method, call(method)])),
  on,
}) as unknown as WartaApi

contextBridge.exposeInMainWorld('warta', api)
