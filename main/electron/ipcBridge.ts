// The contract behind ipcMain: one handler per contract method, each checking the sender's
// frame before the shared `invoke` validates the input and runs the handler table.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { channelOf, eventChannelOf, methods, type EventName, type EventPayload, type Result } from '../../preload/contract'
import type { Handlers } from '../core/handlers'
import { failure, invoke } from '../core/invoke'
import type { AppOrigin } from './appOrigin'
import { isTrustedSender } from './webSecurity'

export interface IpcBridgeOptions {
  origin: AppOrigin
  log?: (message: string, error?: unknown) => void
}

/** What a call from anywhere but the app's own top frame gets back; nothing runs. */
export const forbidden = (method: string): Result<never> =>
  failure({ code: 'FORBIDDEN', message: `${method}: the call did not come from Warta's own page`, params: { method } })

/** Registers a handler for every contract method; returns a function that removes them all. */
export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, handlers: Handlers, options: IpcBridgeOptions): () => void {
  const log = options.log ?? ((m: string, e?: unknown) => console.error(m, e ?? ''))
  for (const method of methods) {
    ipcMain.handle(channelOf(method), async (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrustedSender(event.senderFrame, options.origin)) {
        log(`warta: refused ${method} from ${event.senderFrame?.url.slice(0, 200) ?? 'a frame that is gone'}`)
        return forbidden(method)
      }
      return invoke(handlers, method, input, { log })
    })
  }
  return () => {
    for (const method of methods) ipcMain.removeHandler(channelOf(method))
  }
}

/** Sends a contract event to a renderer, if it is still there. */
export function sendEvent<E extends EventName>(contents: WebContents | null | undefined, event: E, payload: EventPayload<E>): void {
  if (!contents || contents.isDestroyed()) return
  contents.send(eventChannelOf(event), payload)
}
