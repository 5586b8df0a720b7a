import { describe, expect, it } from 'vitest'
import { bytesToBase64 } from '../../renderer/src/base64'

describe('encoding file bytes for the bridge', () => {
  it('gives the same base64 as Node for text, binary and empty files', () => {
    const samples = [new Uint8Array(), new TextEncoder().encode('Baca juga: “kopi” — 100%'), Uint8Array.from({ length: 256 }, (_, i) => i)]
    for (const bytes of samples) expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'))
  })

  it('encodes a file larger than one slice without losing bytes at the seams', () => {
    const bytes = Uint8Array.from({ length: 0x8000 * 3 + 7 }, (_, i) => (i * 31) % 256)
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'))
  })
})
