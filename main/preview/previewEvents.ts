// Main's events for the preview host, where there is no IPC: the host publishes them here and
// every open page hears them over Server-Sent Events (/api/events in server.ts), so the browser
// gets what Electron's renderer gets through the preload (search progress, archive changes).
import type { EventName, EventPayload } from '../../preload/contract'

export type EventListener = (event: EventName, payload: unknown) => void

export interface EventHub {
  publish<E extends EventName>(event: E, payload: EventPayload<E>): void
  subscribe(listener: EventListener): () => void
}

export function createEventHub(): EventHub {
  const listeners = new Set<EventListener>()
  return {
    publish(event, payload) {
      for (const listener of listeners) listener(event, payload)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
