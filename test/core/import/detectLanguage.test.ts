import { describe, expect, it } from 'vitest'
import { detectLanguage } from '../../../main/core/import/detectLanguage'

describe('detectLanguage', () => {
  it('recognises an Indonesian paragraph', () => {
    expect(
      detectLanguage(
        'Pemerintah kabupaten menyiapkan pengering gabah untuk membantu petani ketika hujan masih turun pada sore hari, kata kepala dinas pertanian.',
      ),
    ).toBe('id')
  })

  it('recognises an English paragraph', () => {
    expect(
      detectLanguage('The town said the panels cover less than one percent of the lake surface and will supply power to about 3,000 homes.'),
    ).toBe('en')
  })

  it('counts Malay as Indonesian', () => {
    expect(detectLanguage('Kerajaan negeri akan membina lebih banyak rumah mampu milik untuk golongan berpendapatan rendah tahun hadapan.')).toBe('id')
  })

  it('keeps English with Indonesian names English', () => {
    expect(detectLanguage('Teuku Ramli, who chairs a cooperative in the Gayo highlands of Aceh, said the dryers had saved the harvest.')).toBe('en')
  })

  it.each([
    ['Harga beras naik di pasar', 'id'],
    ['Kim dan Putin', 'id'],
    ['Warga tidak akan pindah', 'id'],
    ['Rice prices rise in the market', 'en'],
    ['Kim and Putin', 'en'],
    ['The end', 'en'],
  ] as const)('decides a short text "%s" by its function words', (text, language) => {
    expect(detectLanguage(text)).toBe(language)
  })

  it('keeps a long Indonesian dispatch that quotes English Indonesian, and a long English one full of Indonesian names English', () => {
    const indonesian = [
      'Menteri Luar Negeri mengatakan bahwa pertemuan itu akan dilanjutkan pekan depan di Jakarta, dan para delegasi sudah tiba sejak Senin.',
      '"We are committed to the agreement and we will continue the talks with all of the parties," kata menteri itu kepada wartawan.',
      'Ia menambahkan bahwa pemerintah tidak akan mengubah sikap yang telah disampaikan dalam sidang sebelumnya, karena kesepakatan itu penting bagi kawasan.',
    ].join('\n')
    const english = [
      'Retno Marsudi, who met Sri Mulyani and Prabowo Subianto in Jakarta on Monday, said the talks with the delegation from Kuala Lumpur had gone well.',
      'The ministers agreed that the meeting in Yogyakarta and the summit in Denpasar will be held as planned, and that the trade deal is on track.',
      'Officials from Bandung and Surabaya said it was the first time the cities had been part of the talks, which are expected to end by Friday.',
    ].join('\n')
    expect(detectLanguage(indonesian)).toBe('id')
    expect(detectLanguage(english)).toBe('en')
  })

  it.each(['', '12345 678', 'OK', 'Jakarta'])('falls back to English when "%s" gives nothing to go on', (text) => {
    expect(detectLanguage(text)).toBe('en')
  })
})
