// The bodies of one import stored together, in one file with one fsync, instead of a file and
// an fsync each: a durable file costs ~0.45 ms on a typical disk, which held imports near
// 800 articles/s. `articles/packs/<name>.pack` is a header line, then each body's JSON:
//
//   {"pack":1,"ids":["<id a>","<id b>"],"ends":[4211,8630]}\n<body a>\n<body b>\n
//
// `ends` are byte offsets into what follows the header, so one body is read without parsing
// the others. The catalogue record names its pack (ArticleRecord.pack). A body written again
// later (a new version, a rename) moves to its own file (bodyPath.ts); a pack is only ever
// rewritten whole, atomically, without the bodies that left it (Archive's #tidyPacks).
// Only node:fs here, so the search index's worker can read packs without loading the archive.
import { randomBytes } from 'node:crypto'
import { closeSync, openSync, readSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ARTICLES_DIR } from './bodyPath'

export const PACKS_DIR = 'packs'
export const PACK_NAME = /^[a-z0-9]{8,40}$/
const PACK_SUFFIX = '.pack'

export const packPath = (dir: string, pack: string): string => join(dir, ARTICLES_DIR, PACKS_DIR, pack + PACK_SUFFIX)

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

interface PackHeader {
  ids: string[]
  /** Byte offsets, from the start of the file, where each body begins and ends (its newline). */
  starts: number[]
  ends: number[]
}

/** The header line's layout, checked to add up; DamagedPack when it does not. */
function headerOf(line: string, base: number): PackHeader {
  let header: unknown
  try {
    header = JSON.parse(line)
  } catch {
    throw new DamagedPack('its header is not JSON')
  }
  const { pack, ids, ends } = (header ?? {}) as { pack?: unknown; ids?: unknown; ends?: unknown }
  if (pack !== 1) throw new DamagedPack(typeof pack === 'number' && pack > 1 ? 'written by a newer release' : 'not a body pack')
  if (!Array.isArray(ids) || !Array.isArray(ends) || ids.length !== ends.length || !ids.every((id) => typeof id === 'string')) {
    throw new DamagedPack('its header lists no bodies')
  }
  const starts: number[] = []
  const absolute: number[] = []
  let from = base
  for (const end of ends) {
    const to = base + (end as number)
    if (!Number.isSafeInteger(end) || to < from) throw new DamagedPack('its header lists no bodies')
    starts.push(from)
    absolute.push(to)
    from = to + 1
  }
  return { ids: ids as string[], starts, ends: absolute }
}

const CUT_SHORT = 'it is cut short or its bodies have moved'

/** A body's bytes given the bytes around it: each body ends with a newline, or the pack is damaged. */
function checkedSlice(bytes: Buffer, start: number, end: number): Buffer {
  if (end >= bytes.length || bytes[end] !== 10) throw new DamagedPack(CUT_SHORT)
  return bytes.subarray(start, end)
}

/** Where each body lies in a whole pack's bytes; DamagedPack when the header does not add up. */
function layoutOf(bytes: Buffer): PackHeader {
  const newline = bytes.indexOf(10)
  if (newline < 0) throw new DamagedPack('no header line')
  return headerOf(bytes.toString('utf8', 0, newline), newline + 1)
}

/** Every body in a pack, for rebuilding a lost catalogue. Throws DamagedPack. */
export function bodiesInPack(bytes: Buffer): { id: string; bytes: Buffer }[] {
  const { ids, starts, ends } = layoutOf(bytes)
  return ids.map((id, i) => ({ id, bytes: checkedSlice(bytes, starts[i] as number, ends[i] as number) }))
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

const HEAD_BYTES = 16 * 1024
/** A full import call's 100 ids and offsets take ~3 KB; a header this long is not one of ours. */
const MAX_HEADER_BYTES = 1024 * 1024

/**
 * One body of a pack, read by position: the header, then only that body's bytes, so reading
 * 100,000 bodies for an index build costs no more than reading their own files would. Null when
 * the pack does not exist or does not hold it; DamagedPack when it is damaged.
 */
export function readBodyFromPack(dir: string, pack: string, id: string): Buffer | null {
  let fd: number
  try {
    fd = openSync(packPath(dir, pack), 'r')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw e
  }
  try {
    const readAt = (position: number, length: number): Buffer => {
      const buffer = Buffer.allocUnsafe(length)
      return buffer.subarray(0, readSync(fd, buffer, 0, length, position))
    }
    let size = HEAD_BYTES
    let head = readAt(0, size)
    let newline = head.indexOf(10)
    while (newline < 0 && head.length === size && size < MAX_HEADER_BYTES) {
      size *= 2
      head = readAt(0, size)
      newline = head.indexOf(10)
    }
    if (newline < 0) throw new DamagedPack('no header line')
    const { ids, starts, ends } = headerOf(head.toString('utf8', 0, newline), newline + 1)
    const i = ids.lastIndexOf(id)
    if (i < 0) return null
    const start = starts[i] as number
    const end = ends[i] as number
    // Often the body is in what was read already; else its bytes and the newline after them.
    if (end < head.length) return checkedSlice(head, start, end)
    return checkedSlice(readAt(start, end - start + 1), 0, end - start)
  } finally {
    closeSync(fd)
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
  const packs = names.filter((name) => name.endsWith(PACK_SUFFIX)).map((name) => name.slice(0, -PACK_SUFFIX.length))
  return packs.filter((pack) => PACK_NAME.test(pack)).sort()
}
