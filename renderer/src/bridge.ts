// The renderer's only way to reach main: `window.warta` from the preload in Electron, or the
// same calls over the preview host's loopback HTTP API in a browser. Types come from the
// contract; no runtime code of main or preload is imported here.
import type { EventName, EventPayload, Input, Method, Output, Result, WartaApi } from '../../preload/contract'

declare global {
  interface Window {
    warta?: WartaApi
  }
}

type Call = <M extends Method>(method: M, input: Input<M>) => Promise<Result<Output<M>>>

/** The preview host's token for this run, from the page it served. */
const previewToken = (): string => document.querySelector<HTMLMetaElement>('meta[name="warta-token"]')?.content ?? ''

function httpCall(): Call {
  const token = previewToken()
  return async (method, input) => {
    try {
      const res = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Warta-Token': token },
        body: JSON.stringify(input ?? {}),
      })
      return (await res.json()) as Result<Output<typeof method>>
    } catch (e) {
      return { ok: false, error: { code: 'INTERNAL', message: `The Warta host did not answer: ${String(e)}` } }
    }
  }
}

const call: Call = window.warta
  ? (method, input) => (window.warta![method] as (i: typeof input) => Promise<Result<Output<typeof method>>>)(input)
  : httpCall()

/** Calls a contract method; failures come back as data, never as exceptions. */
export function request<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>> {
  return call(method, input)
}

/** The preview host's event stream, opened once on first use and shared by every listener. */
let eventStream: EventSource | null = null

/**
 * Listens to a main-process event: through the preload in Electron, over the preview host's
 * Server-Sent Events stream in a browser (EventSource sends no headers, so the token rides in
 * the address; the stream reconnects by itself if the host restarts).
 */
export function onEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  if (window.warta) return window.warta.on(event, listener)
  if (typeof EventSource === 'undefined') return () => {}
  eventStream ??= new EventSource(`/api/events?token=${encodeURIComponent(previewToken())}`)
  const stream = eventStream
  const heard = (message: Event): void => {
    try {
      listener(JSON.parse((message as MessageEvent<string>).data) as EventPayload<E>)
    } catch {
      // A malformed message is dropped; the next one is read as usual.
    }
  }
  stream.addEventListener(event, heard)
  return () => stream.removeEventListener(event, heard)
}

/** True inside Electron, where the native menu and dialogs exist. */
export const isElectron = (): boolean => window.warta !== undefined
