import { describe, expect, it } from 'vitest'
import { charsetOfContentType, decodeWebText, sniffHtmlCharset, sniffXmlCharset } from '../../../main/core/net/charset'

const cp1252 = (text: string): Uint8Array =>
  Uint8Array.from(text, (c) => ({ '“': 0x93, '”': 0x94, '’': 0x92, '—': 0x97, '€': 0x80 })[c] ?? c.charCodeAt(0))
const ascii = (text: string) => new TextEncoder().encode(text)

describe('finding the encoding of a page or feed', () => {
  it('reads the charset parameter of a Content-Type', () => {
    expect(charsetOfContentType('text/html; charset=ISO-8859-1')).toBe('ISO-8859-1')
    expect(charsetOfContentType('text/html;charset="windows-1252"; foo=bar')).toBe('windows-1252')
    expect(charsetOfContentType('text/html')).toBeNull()
  })

  it('finds <meta charset> and the http-equiv form in the first kilobyte, ignoring comments', () => {
    expect(sniffHtmlCharset(ascii('<html><head><meta charset="iso-8859-2"></head>'))).toBe('iso-8859-2')
    expect(sniffHtmlCharset(ascii('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'))).toBe('windows-1251')
    expect(sniffHtmlCharset(ascii('<!-- <meta charset="koi8-r"> --><p>x</p>'))).toBeNull()
    expect(sniffHtmlCharset(ascii(`${' '.repeat(1100)}<meta charset="koi8-r">`))).toBeNull()
  })

  it('finds the encoding of an XML declaration', () => {
    expect(sniffXmlCharset(ascii('<?xml version="1.0" encoding="ISO-8859-1"?><rss/>'))).toBe('ISO-8859-1')
  })
})

describe('decoding', () => {
  const quoted = cp1252('Kata “dia” — 5€')

  it('reads windows-1252 curly quotes, dashes and the euro sign, for every Latin-1 label', () => {
    for (const label of ['windows-1252', 'ISO-8859-1', 'latin1', 'us-ascii']) {
      expect(decodeWebText(quoted, { contentType: `text/html; charset=${label}`, kind: 'html' })).toBe('Kata “dia” — 5€')
    }
  })

  it('lets the header win over the meta tag, and the byte order mark over both', () => {
    const page = Uint8Array.from([...ascii('<meta charset="utf-8">'), ...quoted])
    expect(decodeWebText(page, { contentType: 'text/html; charset=windows-1252', kind: 'html' })).toContain('“dia”')
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...ascii('café')])
    expect(decodeWebText(bom, { contentType: 'text/html; charset=windows-1252', kind: 'html' })).toBe('café')
  })

  it('uses UTF-8 when nothing is declared and the bytes are UTF-8, else windows-1252', () => {
    expect(decodeWebText(new TextEncoder().encode('<p>café</p>'), { kind: 'html' })).toBe('<p>café</p>')
    expect(decodeWebText(quoted, { kind: 'html' })).toBe('Kata “dia” — 5€')
  })

  it('decodes other legacy encodings a page names', () => {
    const cyrillic = Uint8Array.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2])
    expect(decodeWebText(cyrillic, { contentType: 'text/html; charset=windows-1251', kind: 'html' })).toBe('Привет')
  })

  it('ignores an unknown label, and a UTF-16 label in a meta tag', () => {
    expect(decodeWebText(new TextEncoder().encode('café'), { contentType: 'text/html; charset=x-nonsense', kind: 'html' })).toBe('café')
    expect(decodeWebText(ascii('<meta charset="utf-16"><p>x</p>'), { kind: 'html' })).toBe('<meta charset="utf-16"><p>x</p>')
  })

  it('reads XML by its declaration and JSON always as UTF-8', () => {
    expect(decodeWebText(Uint8Array.from([...ascii('<?xml version="1.0" encoding="windows-1252"?><t>'), ...quoted]), { kind: 'xml' })).toContain('“dia”')
    expect(decodeWebText(new TextEncoder().encode('{"t":"café"}'), { contentType: 'application/json; charset=latin1', kind: 'json' })).toBe('{"t":"café"}')
  })
})
