// The bodies of one import stored together, in one file with one fsync, instead of a file and
// an fsync each: a durable file costs ~0.45 ms on a typical disk, which held imports near
// 800 articles/s. `articles/packs/<name>.pack` is a header line, then each body's JSON:
//
//   {"pack":1,"ids":["<id a>","<id b>"],"ends":[4211,8630]}\n<body a>\n<body b>\n
//
// `ends` are byte offsets into what follows the header, so one body is read without parsing
// the others. A pack is never rewritten: the catalogue record names it (ArticleRecord.pack),
// and a body written again later (a new version, a rename) moves to its own file (bodyPath.ts).
// Only node:fs here, so the search index's worker can read packs without loading the archive.
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ARTICLES_DIR } from './bodyPath'

export const PACKS_DIR = 'packs'
const PACK_FILE = /^([a-z0-9]{8,40})\.pack$/
export const PACK_NAME = /^[a-z0-9]{8,40}$/

export const packPath = (dir: string, pack: string): string => join(dir, ARTICLES_DIR, PACKS_DIR, `${pack}.pack`)

/** A new pack's name: its time first, so names sort oldest first; then randomness, so two never meet. */
export const newPackName = (now: Date): string => now.getTime().toString(36).padStart(9, '0') + randomBytes(5).toString('hex')

/** A pack's file text for bodies already serialised as JSON (one line each). */
export function packText(bodies: readonly { id: string; json: string }[]): string {
  const ends: number[] = []
  let at = 0
  for (const { json } of bodies) {
    at += Buffer.byteLength(json, 'utf8')
    ends.push(at)
    at += 1
  }
  const header = JSON.stringify({ pack: 1, ids: bodies.map((b) => b.id), ends })
  return `${header}\n${bodies.map((b) => `${b.json}\n`).join('')}`
}

/** Thrown for a pack whose header or layout is damaged; `reason` says how. */
export class DamagedPack extends Error {
  constructor(readonly reason: string) {
    super(reason)
  }
}

/** Where each body lies in a pack's bytes; DamagedPack when the header does not add up. */
function layoutOf(bytes: Buffer): { ids: string[]; starts: number[]; ends: number[] } {
  const newline = bytes.indexOf(10)
  if (newline < 0) throw new DamagedPack('no header line')
  let header: unknown
  try {
    header = JSON.parse(bytes.toString('utf8', 0, newline))
  } catch {
    throw new DamagedPack('its header is not JSON')
  }
  const { pack, ids, ends } = (header ?? {}) as { pack?: unknown; ids?: unknown; ends?: unknown }
  if (pack !== 1) throw new DamagedPack(typeof pack === 'number' && pack > 1 ? 'written by a newer release' : 'not a body pack')
  if (!Array.isArray(ids) || !Array.isArray(ends) || ids.length !== ends.length || !ids.every((id) => typeof id === 'string')) {
    throw new DamagedPack('its header lists no bodies')
  }
  const base = newline + 1
  const starts: number[] = []
  const absolute: number[] = []
  let from = base
  for (const end of ends) {
    const to = base + (end as number)
    if (!Number.isSafeInteger(end) || to < from || to >= bytes.length || bytes[to] !== 10) throw new DamagedPack('it is cut short or its bodies have moved')
    starts.push(from)
    absolute.push(to)
    from = to + 1
  }
  return { ids: ids as string[], starts, ends: absolute }
}

/** The bytes of one body in a pack; null when the pack does not hold it. Throws DamagedPack. */
export function bodyBytesInPack(bytes: Buffer, id: string): Buffer | null {
  const { ids, starts, ends } = layoutOf(bytes)
  const i = ids.lastIndexOf(id)
  return i < 0 ? null : bytes.subarray(starts[i], ends[i])
}

/** Every body in a pack, for rebuilding a lost catalogue. Throws DamagedPack. */
export function bodiesInPack(bytes: Buffer): { id: string; bytes: Buffer }[] {
  const { ids, starts, ends } = layoutOf(bytes)
  return ids.map((id, i) => ({ id, bytes: bytes.subarray(starts[i], ends[i]) }))
}

/** A pack's bytes; null when it does not exist. */
export async function readPack(dir: string, pack: string): Promise<Buffer | null> {
  try {
    return await readFile(packPath(dir, pack))
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw e
  }
}

export function readPackSync(dir: string, pack: string): Buffer | null {
  try {
    return readFileSync(packPath(dir, pack))
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw e
  }
}

/** The names of the packs on disk, oldest first. */
export async function listPacks(dir: string): Promise<string[]> {
  let names: string[]
  try {
    names = await readdir(join(dir, ARTICLES_DIR, PACKS_DIR))
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw e
  }
  return names.flatMap((name) => PACK_FILE.exec(name)?.[1] ?? []).sort()
}
