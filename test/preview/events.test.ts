// Main's events reach a page in the preview host over Server-Sent Events, guarded like every call.
import { mkdir, writeFile } from 'node:fs/promises'
import { request as httpRequest, type IncomingMessage } from 'node:http'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createEventHub, type EventHub } from '../../main/preview/previewEvents'
import { startPreviewServer, type PreviewServer } from '../../main/preview/server'
import { tempDir, tempHost, type TempHost } from '../helpers/tempArchive'

let host: TempHost
let server: PreviewServer
let events: EventHub
let cleanupRenderer: () => Promise<void>

beforeEach(async () => {
  host = await tempHost()
  const t = await tempDir('warta-renderer-')
  cleanupRenderer = t.cleanup
  await mkdir(t.dir, { recursive: true })
  await writeFile(join(t.dir, 'index.html'), '<!doctype html><html><head></head><body></body></html>')
  events = createEventHub()
  server = await startPreviewServer({ handlers: host.handlers, rendererDir: t.dir, events, log: () => {} })
})
afterEach(async () => {
  await server.close()
  await host.cleanup()
  await cleanupRenderer()
})

function open(path: string, hostHeader = new URL(server.url).host): Promise<IncomingMessage> {
  const url = new URL(server.url)
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: url.port, path, headers: { Host: hostHeader } }, resolve)
    req.on('error', reject)
    req.end()
  })
}

/** Reads the stream until `count` events have arrived. */
function readEvents(res: IncomingMessage, count: number): Promise<{ event: string; data: unknown }[]> {
  return new Promise((resolve) => {
    let text = ''
    const found: { event: string; data: unknown }[] = []
    res.setEncoding('utf8')
    res.on('data', (chunk: string) => {
      text += chunk
      let end: number
      while ((end = text.indexOf('\n\n')) >= 0) {
        const block = text.slice(0, end)
        text = text.slice(end + 2)
        const event = /^event: (.+)$/m.exec(block)?.[1]
        const data = /^data: (.+)$/m.exec(block)?.[1]
        if (event && data) found.push({ event, data: JSON.parse(data) })
        if (found.length === count) {
          res.destroy()
          resolve(found)
        }
      }
    })
  })
}

describe('preview host events', () => {
  it('streams published events to a page that gives this run’s token', async () => {
    const res = await open(`/api/events?token=${server.token}`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8')
    expect(res.headers['content-security-policy']).toBeTruthy()
    const arrived = readEvents(res, 2)
    // The stream is open once its first bytes are there.
    await new Promise((resolve) => res.once('readable', resolve))
    events.publish('searchIndexProgress', { done: 10, total: 100 })
    events.publish('settingsChanged', { language: 'id' })
    expect(await arrived).toEqual([
      { event: 'searchIndexProgress', data: { done: 10, total: 100 } },
      { event: 'settingsChanged', data: { language: 'id' } },
    ])
  })

  it('refuses a wrong token and a foreign Host', async () => {
    expect((await open('/api/events?token=nope')).statusCode).toBe(403)
    expect((await open('/api/events')).statusCode).toBe(403)
    expect((await open(`/api/events?token=${server.token}`, 'evil.example:80')).statusCode).toBe(421)
  })
})
