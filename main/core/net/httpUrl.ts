// The one rule for addresses Warta will follow or fetch: absolute http(s), nothing else.
import { webError } from '../web/webErrors'

/** Addresses longer than this are not something a person pasted or a feed linked in earnest. */
const MAX_URL_LENGTH = 8 * 1024

/** The normalised href if `value` (resolved against `base`) is an http(s) address; null otherwise. */
export function httpUrlOf(value: string | null | undefined, base?: string | URL): string | null {
  if (typeof value !== 'string' || value.length > MAX_URL_LENGTH) return null
  try {
    const url = new URL(value.trim(), base)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' ? url.href : null
  } catch {
    return null
  }
}

/** An http(s) URL, or BAD_URL. Everything else (file:, ftp:, javascript:, data:…) is refused. */
export function parseHttpUrl(raw: string, base?: string | URL): URL {
  const text = raw.trim()
  const shown = shortUrl(text)
  if (text.length > MAX_URL_LENGTH) throw webError('BAD_URL', `The address is too long`, { url: shown })
  let url: URL
  try {
    url = new URL(text, base)
  } catch {
    throw webError('BAD_URL', `${shown} is not a web address`, { url: shown })
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw webError('BAD_URL', `${shown} is not an http or https address`, { url: shown })
  }
  if (!url.hostname) throw webError('BAD_URL', `${shown} names no server`, { url: shown })
  return url
}

/** An address short enough for a message. */
export function shortUrl(url: string): string {
  return url.length > 200 ? `${url.slice(0, 199)}…` : url
}
