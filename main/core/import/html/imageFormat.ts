// Recognises the raster formats Warta keeps by their first bytes: a server's Content-Type is
// a claim, the signature is what the renderer will actually decode.

export interface ImageFormat {
  ext: 'png' | 'jpg' | 'gif' | 'webp' | 'avif'
  type: string
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0): boolean =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b)

const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0))

/** The format of an image by its signature, or null for anything else (SVG and HTML included). */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { ext: 'png', type: 'image/png' }
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { ext: 'jpg', type: 'image/jpeg' }
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return { ext: 'gif', type: 'image/gif' }
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return { ext: 'webp', type: 'image/webp' }
  if (startsWith(bytes, ascii('ftyp'), 4) && (startsWith(bytes, ascii('avif'), 8) || startsWith(bytes, ascii('avis'), 8))) {
    return { ext: 'avif', type: 'image/avif' }
  }
  return null
}

/** The file name pattern of a saved image, as keepImagesOffline writes it. */
export const MEDIA_FILE = /^[0-9a-f]{16}\.(?:png|jpg|gif|webp|avif)$/
