// Turns the bytes of a saved file into clean text, or refuses with an AppError that names
// the file. What comes out is NFC, uses LF line ends and is never mojibake: input we cannot
// read with confidence is rejected rather than guessed at.
import { limits } from '../../../preload/contract'
import { AppError } from '../errors'
import { toNFC } from '../nfc'

/** Share of control characters above which a file is treated as binary, not as text with a few stray bytes. */
const MAX_CONTROL_RATIO = 0.05
/** Share of non-ASCII characters above which a windows-1252 reading is assumed to be another encoding's mojibake. */
const MAX_LEGACY_NON_ASCII_RATIO = 0.3
/** How many leading bytes are sniffed for UTF-16 without a byte order mark. */
const UTF16_SNIFF_BYTES = 1024

interface Magic {
  kind: string
  bytes: readonly number[]
}

// Formats people plausibly drop on an importer by mistake. Most binaries also carry NUL
// bytes, but a recognised signature lets the message say what the file actually is.
const MAGICS: readonly Magic[] = [
  { kind: 'PDF', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { kind: 'ZIP', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { kind: 'ZIP', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { kind: 'ZIP', bytes: [0x50, 0x4b, 0x07, 0x08] },
  { kind: 'PNG', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { kind: 'JPEG', bytes: [0xff, 0xd8, 0xff] },
  { kind: 'GIF', bytes: [0x47, 0x49, 0x46, 0x38] },
  { kind: 'GZIP', bytes: [0x1f, 0x8b] },
  { kind: '7Z', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { kind: 'RAR', bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
  { kind: 'OLE', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { kind: 'ELF', bytes: [0x7f, 0x45, 0x4c, 0x46] },
]

// windows-1252 bytes 0x80–0x9F. Written out because Node's TextDecoder('windows-1252')
// decodes this range as ISO-8859-1 C1 controls, which would turn curly quotes into
// invisible characters. null marks the five bytes the code page leaves undefined.
const CP1252_HIGH: readonly (number | null)[] = [
  0x20ac, null, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
  0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, null, 0x017d, null,
  null, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, null, 0x017e, 0x0178,
]

/** Code point → windows-1252 byte, for undoing text that was UTF-8 read as windows-1252. */
const CP1252_BYTE_OF: ReadonlyMap<number, number> = (() => {
  const map = new Map<number, number>()
  for (let b = 0; b < 0x100; b++) {
    const cp = b >= 0x80 && b < 0xa0 ? (CP1252_HIGH[b - 0x80] ?? b) : b
    map.set(cp, b)
  }
  return map
})()

// A UTF-8 lead byte (Â–ô) followed by a continuation byte, both as windows-1252 shows them:
// the signature of UTF-8 that was decoded as windows-1252 and saved again ("cafÃ©").
const DOUBLE_ENCODED =
  /[\u00c2-\u00f4][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]/

const C1_CONTROL = /[\u0080-\u009f]/
/** A character either repair needs (a C1 control or a UTF-8 lead byte); text without one has nothing to repair. */
const REPAIR_HINT = /[\u0080-\u009f\u00c2-\u00f4]/

/** What controlRatio() counts: C0 controls other than tab, LF, CR and form feed, and DEL. */
// eslint-disable-next-line no-control-regex -- counting controls is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g
/** Any character cleanUp() rewrites. */
// eslint-disable-next-line no-control-regex -- finding controls is the point
const NEEDS_CLEAN_UP = /[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029\ufeff]/

export function decodeText(bytes: Uint8Array, name: string): string {
  if (bytes.length > limits.maxImportBytes) {
    const maxMegabytes = limits.maxImportBytes / (1024 * 1024)
    // The params are the ones locales/*/errors.json interpolates for TOO_LARGE.
    throw new AppError('TOO_LARGE', `${name} is larger than ${maxMegabytes} MiB`, { name, maxMegabytes })
  }
  if (bytes.length === 0) throw new AppError('EMPTY', `${name} is empty`, { name })

  const magic = MAGICS.find((m) => startsWith(bytes, m.bytes))
  if (magic) throw new AppError('NOT_TEXT', `${name} is a ${magic.kind} file, not text`, { name })

  const raw = decodeBytes(bytes, name)
  // Controls are among what cleanUp() looks for: text it would leave alone holds none.
  const needsCleanUp = NEEDS_CLEAN_UP.test(raw)
  if (needsCleanUp && controlRatio(raw) > MAX_CONTROL_RATIO) throw new AppError('NOT_TEXT', `${name} looks like a binary file`, { name })

  const text = toNFC(needsCleanUp ? cleanUp(raw) : raw)
  if (!/[^\s\u200b-\u200d\u2060]/.test(text)) throw new AppError('EMPTY', `${name} has no text`, { name })
  return text
}

/** Picks the encoding and decodes; the result may still hold stray controls and CRLF. */
function decodeBytes(bytes: Uint8Array, name: string): string {
  const badEncoding = (detail: string): AppError =>
    new AppError('BAD_ENCODING', `${name} is not valid ${detail}`, { name })

  // UTF-32 LE shares its first two bytes with UTF-16 LE's mark, so it is checked first.
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    throw badEncoding('text in a supported encoding (UTF-32 is not supported)')
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    // A mark that promises UTF-8 over bytes that are not is damage, not a legacy file.
    return repairMojibake(strictDecode('utf-8', bytes.subarray(3)) ?? fail(badEncoding('UTF-8')), name)
  }
  if (startsWith(bytes, [0xff, 0xfe])) return repairMojibake(strictDecode('utf-16le', bytes.subarray(2)) ?? fail(badEncoding('UTF-16')), name)
  if (startsWith(bytes, [0xfe, 0xff])) return repairMojibake(strictDecode('utf-16be', bytes.subarray(2)) ?? fail(badEncoding('UTF-16')), name)

  const utf16 = sniffUtf16(bytes)
  if (utf16) return repairMojibake(strictDecode(utf16, bytes) ?? fail(badEncoding('UTF-16')), name)

  // Outside UTF-16, a NUL byte never belongs in text; checking bytes before decoding stops
  // random binary from reaching the windows-1252 fallback, which accepts almost anything.
  // (indexOf, not includes: V8 scans bytes for it twice as fast.)
  if (bytes.indexOf(0) !== -1) throw new AppError('NOT_TEXT', `${name} looks like a binary file`, { name })
  const utf8 = strictDecode('utf-8', bytes)
  // One character a byte: ASCII, which needs no repair, and whose controls decodeText() refuses
  // exactly as the check below would.
  if (utf8 !== null && utf8.length === bytes.length) return utf8
  // Counted on a string, where a regex does it: valid UTF-8 decodes each control byte to the
  // same character (multi-byte sequences hold none), and latin1 maps every byte to one character.
  if (controlRatio(utf8 ?? latin1(bytes), bytes.length) > MAX_CONTROL_RATIO) {
    throw new AppError('NOT_TEXT', `${name} looks like a binary file`, { name })
  }
  if (utf8 !== null) return repairMojibake(utf8, name)

  const legacy = decodeWindows1252(bytes)
  if (legacy === null || !looksLikeLegacyText(legacy)) throw badEncoding('UTF-8, UTF-16 or windows-1252 text')
  return legacy
}

/**
 * Undoes the two kinds of damage UTF-8 text commonly carries: a whole text that was once read
 * as windows-1252 and saved as UTF-8 again, and curly quotes that an ISO-8859-1 reader turned
 * into C1 controls. Anything still holding C1 controls afterwards is refused.
 */
function repairMojibake(text: string, name: string): string {
  if (!REPAIR_HINT.test(text)) return text
  let repaired = text
  if (DOUBLE_ENCODED.test(repaired)) repaired = undoDoubleEncoding(repaired) ?? repaired
  if (C1_CONTROL.test(repaired)) {
    repaired = repaired.replace(/[\u0080-\u009f]/g, (c) => {
      const cp = CP1252_HIGH[c.charCodeAt(0) - 0x80]
      return cp == null ? c : String.fromCharCode(cp)
    })
    if (C1_CONTROL.test(repaired)) throw new AppError('BAD_ENCODING', `${name} holds characters that are not text`, { name })
  }
  return repaired
}

/** The text's windows-1252 bytes read as UTF-8, or null when it was not double-encoded after all. */
function undoDoubleEncoding(text: string): string | null {
  const bytes = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) {
    const b = CP1252_BYTE_OF.get(text.charCodeAt(i))
    if (b === undefined) return null
    bytes[i] = b
  }
  // Fatal decoding is the safety net: genuine Latin text almost never re-encodes to valid UTF-8.
  return strictDecode('utf-8', bytes)
}

function decodeWindows1252(bytes: Uint8Array): string | null {
  const units = new Uint16Array(bytes.length)
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0
    if (b >= 0x80 && b < 0xa0) {
      const cp = CP1252_HIGH[b - 0x80]
      if (cp == null) return null
      units[i] = cp
    } else {
      units[i] = b
    }
  }
  // Every unit is a BMP character, so UTF-16 decoding turns them into a string in one pass.
  return new TextDecoder('utf-16le').decode(units)
}

/**
 * Western text read as windows-1252 is mostly ASCII with an accent here and there. When most
 * letters come out accented, the file was in another legacy encoding (Cyrillic, Greek,
 * Shift-JIS…) and showing it would be mojibake.
 */
function looksLikeLegacyText(text: string): boolean {
  let visible = 0
  let nonAscii = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c <= 0x20 || c === 0xa0) continue
    visible++
    if (c > 0x7f) nonAscii++
  }
  return visible > 0 && nonAscii / visible <= MAX_LEGACY_NON_ASCII_RATIO
}

/** UTF-16 without a mark shows up as ASCII letters interleaved with zero bytes. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const end = Math.min(bytes.length, UTF16_SNIFF_BYTES) & ~1
  if (end < 4) return null
  let zeroHigh = 0
  let zeroLow = 0
  for (let i = 0; i < end; i += 2) {
    const a = bytes[i] ?? 0
    const b = bytes[i + 1] ?? 0
    if (a !== 0 && b === 0) zeroHigh++
    else if (a === 0 && b !== 0) zeroLow++
  }
  const pairs = end / 2
  if (zeroHigh / pairs >= 0.9) return 'utf-16le'
  if (zeroLow / pairs >= 0.9) return 'utf-16be'
  return null
}

/** Share of C0 controls (other than tab, LF, CR, form feed) and DEL among `length` characters. */
function controlRatio(text: string, length: number = text.length): number {
  if (length === 0) return 0
  return (text.length - text.replace(CONTROL_CHARS, '').length) / length
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
}

/** LF line ends, no byte order marks or stray controls; the text is not yet NFC. */
function cleanUp(text: string): string {
  return (
    text
      .replace(/\ufeff/g, '')
      .replace(/\r\n?/g, '\n')
      .replace(/\u2029/g, '\n\n')
      .replace(/[\u2028\f\v]/g, '\n')
      // A few stray controls survived the binary check (a DOS end-of-file mark, say); they
      // carry no meaning in an article and would show as boxes.
      // eslint-disable-next-line no-control-regex -- removing controls is the point
      .replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, '')
  )
}

function strictDecode(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): string | null {
  try {
    // ignoreBOM keeps a mark we did not strip ourselves visible, so cleanUp() can drop it.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return null
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b)
}

function fail(error: AppError): never {
  throw error
}
