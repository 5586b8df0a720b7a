// How article bodies (bodyPath.ts and bodyPacks.ts say where they live) are read: checked,
// migrated with their catalogue entry at hand, and listed when the catalogue has to be rebuilt.
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { AppError } from '../errors'
import { CorruptFileError, parseJsonBytes, readJsonFile } from './atomicJsonFile'
import { bodiesInPack, DamagedPack, listPacks, packPath, readBodyFromPack, readPack } from './bodyPacks'
import { bodyKind, upgrade } from './migrations'
import { ARTICLES_DIR, bodyPath } from './bodyPath'
import type { ArticleRecord, BodyFile } from './records'

export { ARTICLES_DIR, bodyPath } from './bodyPath'
/** Images of web articles: `media/<id>/<sha256-16>.<ext>`, served to the renderer at that same relative path. */
export const MEDIA_DIR = 'media'

const BODY_NAME = /^([a-z0-9]{16})\.json$/

/**
 * An article's body, from the pack its catalogue entry names or else its own file (a record
 * restored from a backup may name a pack its body has since left); null when neither holds it.
 */
export async function readBody(dir: string, id: string, record?: ArticleRecord): Promise<BodyFile | null> {
  if (record?.pack) {
    const path = packPath(dir, record.pack)
    const found = fromPack(() => readBodyFromPack(dir, record.pack as string, id), path)
    if (found) return checkedBody(parseJsonBytes(found, path), id, path, record)
  }
  const path = bodyPath(dir, id)
  const json = await readJsonFile(path)
  return json === null ? null : checkedBody(json, id, path, record)
}

function checkedBody(json: unknown, id: string, path: string, record: ArticleRecord | undefined): BodyFile {
  const { data } = upgrade(bodyKind, json, path, `${id}.json`, { record })
  if (data.id !== id) throw new CorruptFileError(path, `holds article ${data.id}`)
  return data
}

/** What `read` finds in the pack at `path`, its damage reported as a damaged file. */
function fromPack<T>(read: () => T, path: string): T {
  try {
    return read()
  } catch (e) {
    if (e instanceof DamagedPack) throw new CorruptFileError(path, e.reason)
    throw e
  }
}

/**
 * Every body in every pack, oldest pack first, for rebuilding a lost catalogue. A pack whose
 * header is damaged is passed to `damaged` (none of its bodies can be found); a damaged body
 * in a sound pack is passed over, its neighbours read.
 */
export async function readPackedBodies(dir: string, damaged: (error: CorruptFileError) => void): Promise<{ pack: string; body: BodyFile }[]> {
  const found: { pack: string; body: BodyFile }[] = []
  for (const pack of await listPacks(dir)) {
    const path = packPath(dir, pack)
    const bytes = await readPack(dir, pack)
    if (!bytes) continue
    let entries: { id: string; bytes: Buffer }[]
    try {
      entries = fromPack(() => bodiesInPack(bytes), path)
    } catch (e) {
      if (!(e instanceof CorruptFileError)) throw e
      damaged(e)
      continue
    }
    for (const entry of entries) {
      try {
        found.push({ pack, body: checkedBody(parseJsonBytes(entry.bytes, path), entry.id, path, undefined) })
      } catch (e) {
        // Damaged, or from a newer release (ArchiveTooNewError): left alone, as its own file would be.
        if (!(e instanceof AppError)) throw e
      }
    }
  }
  return found
}

/** The ids of every body file on disk: a walk over articles/, for rebuilding the catalogue only. */
export async function listBodyIds(dir: string): Promise<string[]> {
  const root = join(dir, ARTICLES_DIR)
  let shards: string[]
  try {
    shards = await readdir(root)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw e
  }
  const ids: string[] = []
  for (const shard of shards.sort()) {
    let names: string[]
    try {
      names = await readdir(join(root, shard))
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOTDIR') continue
      throw e
    }
    for (const name of names) {
      const id = BODY_NAME.exec(name)?.[1]
      if (id && id.startsWith(shard)) ids.push(id)
    }
  }
  return ids.sort()
}

/** Whether articles/ holds anything at all, without walking it. */
export async function hasBodyShards(dir: string): Promise<boolean> {
  try {
    return (await readdir(join(dir, ARTICLES_DIR))).length > 0
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw e
  }
}
