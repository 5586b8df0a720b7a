// A real HTTP server on 127.0.0.1 for the web-import tests: fixture pages, feeds and images,
// plus hand-written misbehaving routes (bombs, loops, silence). Nothing leaves the machine.
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { join } from 'node:path'
import { fixturesDir } from '../../helpers/tempArchive'

export const webFixtures = join(fixturesDir, 'web')

export type Route = (req: IncomingMessage, res: ServerResponse, site: LocalSite) => void | Promise<void>

export interface LocalSite {
  origin: string
  url: (path: string) => string
  /** Requests per path, to show what was (not) fetched. */
  hits: Map<string, number>
  /** The last request headers per path. */
  headers: Map<string, IncomingMessage['headers']>
  route: (path: string, handler: Route) => void
  close: () => Promise<void>
}

/** Serves a fixture file; `{{origin}}` in text files becomes the server's address. */
export function fixture(relativePath: string, contentType: string, extraHeaders: Record<string, string> = {}): Route {
  return async (_req, res, site) => {
    let body: Buffer = await readFile(join(webFixtures, relativePath))
    if (/^(text|application)\/(?!octet)/.test(contentType)) body = Buffer.from(body.toString('latin1').replaceAll('{{origin}}', site.origin), 'latin1')
    res.writeHead(200, { 'content-type': contentType, 'content-length': body.length, ...extraHeaders })
    res.end(body)
  }
}

export async function startLocalSite(routes: Record<string, Route> = {}): Promise<LocalSite> {
  const table = new Map(Object.entries(routes))
  const sockets = new Set<Socket>()
  const hits = new Map<string, number>()
  const headers = new Map<string, IncomingMessage['headers']>()
  // Filled in once the port is known; routes only run after that.
  const site = {} as LocalSite
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname
    hits.set(path, (hits.get(path) ?? 0) + 1)
    headers.set(path, req.headers)
    const handler = table.get(path)
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' })
      res.end('not found')
      return
    }
    Promise.resolve(handler(req, res, site)).catch((e: unknown) => {
      res.destroy(e as Error)
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  Object.assign(site, {
    origin,
    url: (path) => `${origin}${path}`,
    hits,
    headers,
    route: (path, handler) => void table.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        // Routes that never answer keep sockets open; close() must not wait for them.
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  } satisfies LocalSite)
  return site
}
