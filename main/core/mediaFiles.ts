// The images of saved web articles, as both hosts serve them to the renderer: the request path
// `media/<articleId>/<file>` is the same relative path under the archive folder. Only paths of
// exactly that shape are served (the shape keepImagesOffline writes), so nothing else in the
// archive — or outside it — can ever be named: no dots, no slashes but the two, no encodings.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

/** The request path of a saved image (with its leading slash), and nothing else. */
export const MEDIA_REQUEST_PATH = /^\/media\/([a-z0-9]{16})\/([0-9a-f]{16}\.(png|jpg|gif|webp|avif))$/

const TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
}

/** Images are stored under their content's hash: a name never changes what it holds. */
export const MEDIA_CACHE_CONTROL = 'private, max-age=31536000, immutable'

export interface MediaFile {
  path: string
  contentType: string
}

/** The file a request path names in the archive, or null when the path is not a saved image's. */
export function mediaFileOf(archiveDir: string, requestPath: string): MediaFile | null {
  const match = MEDIA_REQUEST_PATH.exec(requestPath)
  if (!match) return null
  const [, articleId, file, ext] = match as unknown as [string, string, string, string]
  return { path: join(archiveDir, 'media', articleId, file), contentType: TYPES[ext] as string }
}

/** The bytes of a saved image, or null when there is no such file (the article was removed). */
export async function readMediaFile(file: MediaFile): Promise<Buffer | null> {
  try {
    return await readFile(file.path)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return null
    throw e
  }
}
