// How article bodies (bodyPath.ts says where they live) are read: checked, migrated with their
// catalogue entry at hand, and listed when the catalogue has to be rebuilt.
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { CorruptFileError, readJsonFile } from './atomicJsonFile'
import { bodyKind, upgrade } from './migrations'
import { ARTICLES_DIR, bodyPath } from './bodyPath'
import type { ArticleRecord, BodyFile } from './records'

export { ARTICLES_DIR, bodyPath } from './bodyPath'
/** Images of web articles: `media/<id>/<sha256-16>.<ext>`, served to the renderer at that same relative path. */
export const MEDIA_DIR = 'media'

const BODY_NAME = /^([a-z0-9]{16})\.json$/

/** A body file with its catalogue entry's metadata; null when the file does not exist. */
export async function readBody(dir: string, id: string, record?: ArticleRecord): Promise<BodyFile | null> {
  const path = bodyPath(dir, id)
  const json = await readJsonFile(path)
  if (json === null) return null
  const { data } = upgrade(bodyKind, json, path, `${id}.json`, { record })
  if (data.id !== id) throw new CorruptFileError(path, `holds article ${data.id}`)
  return data
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
