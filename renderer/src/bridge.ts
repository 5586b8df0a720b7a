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

function httpCall(): Call {
  const token = document.querySelector<HTMLMetaElement>('meta[name="warta-token"]')?.content ?? ''
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

/** Listens to a main-process event; the preview host has no native menu, so nothing arrives there. */
export function onEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return window.warta ? window.warta.on(event, listener) : () => {}
}

/** True inside Electron, where the native menu and dialogs exist. */
export const isElectron = (): boolean => window.warta !== undefined
