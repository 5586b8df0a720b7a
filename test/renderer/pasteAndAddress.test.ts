// What a paste outside a text field does, and how the "Save from web address" field reads what
// was typed: a link is saved from the web, other text becomes a dispatch of its own, and only
// http(s) addresses ever reach main.
import { describe, expect, it } from 'vitest'
import { classifyPaste, pastedFileName, pastedTextFile } from '../../renderer/src/web/pasteImport'
import { checkWebAddress, linkFromUriList, pastedLink } from '../../renderer/src/web/webAddress'

const paste = (text: string, uriList = '', files: string[] = []) => classifyPaste({ files, text, uriList })

describe('pasting outside a text field', () => {
  it('saves a pasted http(s) link from the web', () => {
    expect(paste('https://www.antaranews.com/berita/123/kopi')).toEqual({ kind: 'url', url: 'https://www.antaranews.com/berita/123/kopi' })
    expect(paste('  http://example.com/a?b=c  \n')).toEqual({ kind: 'url', url: 'http://example.com/a?b=c' })
    expect(paste('<https://example.com/x>')).toEqual({ kind: 'url', url: 'https://example.com/x' })
  })

  it('prefers the link a browser put on the clipboard as text/uri-list', () => {
    expect(paste('Kopi Garut panen lebih awal', '# copied\r\nhttps://example.com/kopi\r\n')).toEqual({ kind: 'url', url: 'https://example.com/kopi' })
  })

  it('imports any other text as a dispatch of its own', () => {
    const text = 'JAKARTA (ANTARA) - Harga cabai turun.\nPedagang di pasar induk mengatakan pasokan melimpah.'
    expect(paste(text)).toEqual({ kind: 'text', text })
    // A sentence that mentions a link is text, not a link to save.
    expect(paste('Baca di https://example.com/berita sekarang')).toMatchObject({ kind: 'text' })
    // Only web links: anything else is text to keep, never an address.
    expect(paste('javascript:alert(1)')).toMatchObject({ kind: 'text' })
    expect(paste('file:///etc/passwd')).toMatchObject({ kind: 'text' })
  })

  it('imports pasted files, and ignores an empty paste', () => {
    expect(paste('ignored', '', ['a.txt'])).toEqual({ kind: 'files', files: ['a.txt'] })
    expect(paste('   \n ')).toEqual({ kind: 'none' })
  })

  it('names pasted text after the moment it was pasted, as a .txt file with the text in UTF-8', async () => {
    const when = new Date(2024, 9, 4, 17, 5, 9)
    expect(pastedFileName(when)).toBe('pasted-2024-10-04-170509.txt')
    const file = pastedTextFile('Berita “kopi” – Garut', when)
    expect(file.name).toBe('pasted-2024-10-04-170509.txt')
    expect(new TextDecoder().decode(await file.arrayBuffer())).toBe('Berita “kopi” – Garut')
    expect(file.size).toBe(new TextEncoder().encode('Berita “kopi” – Garut').length)
  })
})

describe('the web address field', () => {
  it('accepts http(s) addresses as typed, normalised', () => {
    expect(checkWebAddress(' https://Example.com/Berita ')).toEqual({ ok: true, url: 'https://example.com/Berita' })
    expect(checkWebAddress('http://127.0.0.1:8080/a')).toEqual({ ok: true, url: 'http://127.0.0.1:8080/a' })
  })

  it('reads an address typed without https:// as one', () => {
    expect(checkWebAddress('kompas.com/read/2024/10/04')).toEqual({ ok: true, url: 'https://kompas.com/read/2024/10/04' })
    expect(checkWebAddress('localhost:5173/x')).toEqual({ ok: true, url: 'https://localhost:5173/x' })
    expect(checkWebAddress('//example.org/a')).toEqual({ ok: true, url: 'https://example.org/a' })
  })

  it('says what is wrong with anything else', () => {
    expect(checkWebAddress('   ')).toEqual({ ok: false, problem: 'empty' })
    expect(checkWebAddress('not a web address')).toEqual({ ok: false, problem: 'notWeb' })
    expect(checkWebAddress('kopi')).toEqual({ ok: false, problem: 'notWeb' })
    expect(checkWebAddress('ftp://example.com/file')).toEqual({ ok: false, problem: 'notWeb' })
    expect(checkWebAddress('javascript:alert(1)')).toEqual({ ok: false, problem: 'notWeb' })
    expect(checkWebAddress('mailto:redaksi@example.com')).toEqual({ ok: false, problem: 'notWeb' })
    expect(checkWebAddress(`https://example.com/${'a'.repeat(9000)}`)).toEqual({ ok: false, problem: 'tooLong' })
  })

  it('takes a link only when the whole paste is one', () => {
    expect(pastedLink('https://example.com')).toBe('https://example.com/')
    expect(pastedLink('example.com')).toBeNull()
    expect(pastedLink('https://')).toBeNull()
    expect(linkFromUriList('# nothing\n\n')).toBeNull()
  })
})
