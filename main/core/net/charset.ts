// Decodes the bytes of a web page or feed the way a browser would pick the encoding: byte
// order mark, then the Content-Type charset, then what the document declares about itself
// (<meta charset> for HTML, <?xml encoding?> for XML), then a default.

/** Only this much of a page is searched for <meta charset>, as the HTML standard prescribes. */
const META_SNIFF_BYTES = 1024

export type TextKind = 'html' | 'xml' | 'json'

// windows-1252 bytes 0x80–0x9F. Node's TextDecoder('windows-1252') decodes this range as
// ISO-8859-1 C1 controls (measured on Node 20), which would turn curly quotes into invisible
// characters; WHATWG maps every Latin-1 label to windows-1252, so this table is used for all.
const CP1252_HIGH: readonly number[] = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
]

/** The media type of a Content-Type header, lowercased, without parameters ("" when absent). */
export function mediaTypeOf(contentType: string | null | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
}

/** The charset parameter of a Content-Type header, or null. */
export function charsetOfContentType(contentType: string | null | undefined): string | null {
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType ?? '')
  const label = (match?.[1] ?? match?.[2] ?? '').trim()
  return label || null
}

/** The encoding a page declares in its first kilobyte: <meta charset> or <meta http-equiv="Content-Type">. */
export function sniffHtmlCharset(bytes: Uint8Array): string | null {
  // The head of a page is ASCII-compatible in every encoding a meta tag may name.
  const head = latin1(bytes.subarray(0, META_SNIFF_BYTES)).replace(/<!--[\s\S]*?-->/g, '')
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const charset = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag)
    if (!charset?.[1]) continue
    // <meta charset=…> or a Content-Type http-equiv whose content carries the charset.
    if (/^<meta\b[^>]*?\scharset\s*=/i.test(tag) || /http-equiv\s*=\s*["']?\s*content-type/i.test(tag)) return charset[1]
  }
  return null
}

/** The encoding an XML declaration names, or null. */
export function sniffXmlCharset(bytes: Uint8Array): string | null {
  const head = latin1(bytes.subarray(0, 256))
  const match = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)
  return match?.[1] ?? null
}

/**
 * The text of a page or feed. Never throws: bytes that are not valid in the chosen encoding
 * become U+FFFD, as in a browser, because a page with one bad byte is still worth reading.
 */
export function decodeWebText(bytes: Uint8Array, options: { contentType?: string | null; kind: TextKind }): string {
  const bom = bomEncoding(bytes)
  if (bom) return decodeAs(bom.encoding, bytes.subarray(bom.length))

  if (options.kind === 'json') return decodeAs('utf-8', bytes)
  const declared = [
    charsetOfContentType(options.contentType),
    options.kind === 'html' ? sniffHtmlCharset(bytes) : sniffXmlCharset(bytes),
  ]
  for (const label of declared) {
    const encoding = label ? encodingOf(label, options.kind) : null
    if (encoding) return decodeAs(encoding, bytes)
  }
  // No declaration: UTF-8 when the bytes are valid UTF-8, else the web's legacy default.
  if (options.kind === 'xml') return decodeAs('utf-8', bytes)
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return decodeAs('windows-1252', bytes)
  }
}

/** The canonical name of a charset label Warta can decode, or null for an unknown label. */
export function encodingOf(label: string, kind: TextKind = 'html'): string | null {
  let encoding: string
  try {
    encoding = new TextDecoder(label.trim().toLowerCase()).encoding
  } catch {
    return null
  }
  // A page cannot really be UTF-16 if its ASCII meta tag was readable (HTML standard's rule);
  // "replacement" labels (ISO-2022-KR…) exist to stop decoding and are treated as unknown.
  if (kind === 'html' && encoding.startsWith('utf-16')) return 'utf-8'
  if (encoding === 'replacement') return null
  return encoding
}

function decodeAs(encoding: string, bytes: Uint8Array): string {
  if (encoding === 'windows-1252') {
    return latin1(bytes).replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? 0xfffd))
  }
  return new TextDecoder(encoding).decode(bytes)
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 }
  return null
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
}
