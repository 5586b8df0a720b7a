// What a person typed or pasted, read as a web address. The dialog is forgiving ("kompas.com/x"
// means https://kompas.com/x), a paste is strict (only a full http(s) link is taken for one:
// anything else pasted is text to keep). Main checks the address again before fetching it.

/** Longest address the contract accepts (webLimits.maxUrlLength; the renderer may import the contract for types only). */
export const maxUrlLength = 8 * 1024

export type AddressProblem = 'empty' | 'notWeb' | 'tooLong'
export type AddressCheck = { ok: true; url: string } | { ok: false; problem: AddressProblem }

/** An absolute http(s) URL with a host, normalised; null for anything else. */
function httpHref(text: string): string | null {
  try {
    const url = new URL(text)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' ? url.href : null
  } catch {
    return null
  }
}

/** A host name with a dot (or localhost), then optionally a path: what people type without https://. */
const bareAddress = /^(?:localhost|[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)*\.\p{L}{2,}|\d{1,3}(?:\.\d{1,3}){3})(?::\d{1,5})?(?:[/?#]\S*)?$/u

/** The address typed into "Save from web address", or why it is not one. */
export function checkWebAddress(typed: string): AddressCheck {
  const text = typed.trim()
  if (text === '') return { ok: false, problem: 'empty' }
  if (text.length > maxUrlLength) return { ok: false, problem: 'tooLong' }
  if (/\s/.test(text)) return { ok: false, problem: 'notWeb' }
  if (/^[a-z][a-z0-9+.-]*:/i.test(text) && !/^[^:/]+:\d/.test(text)) {
    const href = httpHref(text)
    return href ? { ok: true, url: href } : { ok: false, problem: 'notWeb' }
  }
  if (text.startsWith('//')) return checkWebAddress(`https:${text}`)
  if (!bareAddress.test(text)) return { ok: false, problem: 'notWeb' }
  const href = httpHref(`https://${text}`)
  return href ? { ok: true, url: href } : { ok: false, problem: 'notWeb' }
}

/** A whole pasted text that is one http(s) link (surrounding blanks and <> allowed), else null. */
export function pastedLink(text: string): string | null {
  const trimmed = text.trim().replace(/^<(.*)>$/s, '$1')
  if (trimmed === '' || trimmed.length > maxUrlLength || /\s/.test(trimmed)) return null
  if (!/^https?:\/\//i.test(trimmed)) return null
  return httpHref(trimmed)
}

/** The first http(s) link of a text/uri-list (comments start with #), else null. */
export function linkFromUriList(list: string): string | null {
  for (const line of list.split(/\r?\n/)) {
    const entry = line.trim()
    if (entry === '' || entry.startsWith('#')) continue
    return pastedLink(entry)
  }
  return null
}
