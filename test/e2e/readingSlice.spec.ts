// The reading slice as a person uses it: first run, import, read, bookmark, rename, switch
// language, reload — in Chromium against the real handlers and a real archive on disk.
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { dispatchesDir, expect, test } from './fixtures'

const bandung = join(dispatchesDir, 'festival-kopi-bandung.txt')
const garut = join(dispatchesDir, 'petani-kopi-garut.txt')
const garutTitle = 'Petani kopi Garut panen lebih awal karena kemarau panjang'

// A few bytes of a PNG: a binary file someone might pick by mistake.
const pngBytes = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a2dd4f6b0000000049454e44ae426082', 'hex')

const library = (page: Page, name: string) => page.getByRole('region', { name })
const reader = (page: Page, name: string) => page.getByRole('region', { name })

test.describe('with an Indonesian system', () => {
  test.use({ systemLocale: 'id-ID' })

  test('import, read, bookmark, rename, switch language and reload', async ({ page, warta }) => {
    await page.goto(warta.url)

    // First run: the archive is empty and the welcome speaks Indonesian.
    await expect(page.getByRole('heading', { level: 1, name: 'Selamat datang di Warta' })).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'id')
    await expect(page.getByRole('button', { name: 'Muat artikel contoh' })).toBeVisible()
    await expect(page).toHaveTitle('Warta')

    // Import two dispatches through the real file input.
    await page.locator('input[type=file]').setInputFiles([bandung, garut])
    const results = page.getByRole('region', { name: 'Hasil impor' })
    await expect(results.getByRole('status')).toHaveText('2 diimpor')
    await expect(results.getByRole('listitem')).toHaveCount(2)
    await results.getByRole('button', { name: 'Tutup hasil impor' }).click()
    await expect(results).toHaveCount(0)

    // The library lists them with place, agency and an unread mark.
    const list = library(page, 'Pustaka')
    await expect(list.getByText('2 artikel', { exact: true })).toBeVisible()
    const row = list.getByRole('listitem').filter({ hasText: 'Festival Kopi Priangan' })
    await expect(row).toContainText('Bandung')
    await expect(row).toContainText('ANTARA')
    await expect(row).toContainText('Belum dibaca')
    await expect(row.locator('.badge')).toHaveText('ID')

    // Open it: headline, dateline lead-in, paragraphs in the article's language.
    await row.getByRole('link').click()
    const article = reader(page, 'Pembaca')
    await expect(article.getByRole('heading', { level: 1 })).toContainText('Pemerintah Kota Bandung menggelar Festival Kopi Priangan')
    const body = article.locator('.article-body')
    await expect(body).toHaveAttribute('lang', 'id')
    const paragraphs = body.locator('p:not(.read-also)')
    await expect(paragraphs).toHaveCount(5)
    await expect(paragraphs.first()).toHaveText(/^BANDUNG \(ANTARA\) – Pemerintah Kota Bandung/)
    await expect(row).not.toContainText('Belum dibaca')

    // "Baca juga" sits after the paragraph it followed, and opens the archived story.
    const readAlso = body.locator('p.read-also')
    await expect(readAlso).toHaveCount(1)
    await expect(readAlso).toContainText('Baca juga')
    expect(await readAlso.evaluate((el) => el.previousElementSibling?.textContent ?? '')).toContain('Kami ingin petani bertemu langsung')
    await expect(readAlso.getByRole('link', { name: garutTitle })).toBeVisible()

    // Related news: dates in Indonesian; a title in the archive is a link, the other plain text.
    const related = article.getByRole('region', { name: 'Berita terkait' })
    await expect(related.getByRole('listitem')).toHaveCount(2)
    await expect(related.getByRole('listitem').first()).toContainText(/3 Agustus 2024 pukul 10[.:]15/)
    await expect(related.getByRole('listitem').nth(1)).toContainText(/21 Juli 2024 pukul 14[.:]05/)
    await expect(related.getByRole('link')).toHaveCount(1)
    await expect(related.getByText('Harga kopi arabika di tingkat petani naik tipis')).toBeVisible()
    await expect(article).toContainText('Pewarta')
    await expect(article).toContainText('Rina Wulandari')

    // Bookmark with the button, then B twice.
    const bookmark = article.getByRole('button', { name: 'Tandai', exact: true })
    await expect(bookmark).toHaveAttribute('aria-pressed', 'false')
    await bookmark.click()
    await expect(bookmark).toHaveAttribute('aria-pressed', 'true')
    await expect(row.getByRole('button', { name: /^Tandai “/ })).toHaveAttribute('aria-pressed', 'true')
    await expect(list.getByRole('tab', { name: /Ditandai/ })).toContainText('1')
    await page.keyboard.press('b')
    await expect(bookmark).toHaveAttribute('aria-pressed', 'false')
    await page.keyboard.press('b')
    await expect(bookmark).toHaveAttribute('aria-pressed', 'true')

    // The bookmarks filter shows just this one, with a singular count.
    await list.getByRole('tab', { name: /Ditandai/ }).click()
    await expect(list.getByText('1 artikel ditandai', { exact: true })).toBeVisible()
    await expect(list.getByRole('listitem')).toHaveCount(1)
    await list.getByRole('tab', { name: /Semua/ }).click()
    await expect(list.getByRole('listitem')).toHaveCount(2)

    // The derived title can be edited in place: Esc cancels, Enter saves.
    await article.getByRole('button', { name: 'Ubah judul' }).click()
    const titleField = article.getByRole('textbox', { name: 'Judul artikel' })
    await titleField.fill('Festival Kopi Priangan dibuka di Bandung')
    await titleField.press('Escape')
    await expect(article.getByRole('heading', { level: 1 })).toContainText('Pemerintah Kota Bandung menggelar')
    await article.getByRole('button', { name: 'Ubah judul' }).click()
    await titleField.fill('Festival Kopi Priangan dibuka di Bandung')
    await titleField.press('Enter')
    await expect(article.getByRole('heading', { level: 1 })).toHaveText('Festival Kopi Priangan dibuka di Bandung')
    await expect(list.getByRole('listitem').filter({ hasText: 'Festival Kopi Priangan dibuka di Bandung' })).toHaveCount(1)
    await expect(page).toHaveTitle('Festival Kopi Priangan dibuka di Bandung — Warta')

    // Switch to English: every label changes at once, without a reload.
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true))
    await page.getByRole('group', { name: 'Bahasa antarmuka' }).getByRole('button', { name: 'English' }).click()
    await expectEnglish(page)
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true)

    // And back.
    await page.getByRole('group', { name: 'Interface language' }).getByRole('button', { name: 'Indonesia' }).click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'id')
    await expect(reader(page, 'Pembaca').getByRole('button', { name: 'Tandai', exact: true })).toHaveAttribute('aria-pressed', 'true')
    await expect(page.getByRole('button', { name: 'Kembali ke pustaka' })).toBeVisible()
    await expect(library(page, 'Pustaka').getByText('2 artikel', { exact: true })).toBeVisible()

    // English again, then reload: the choice and the bookmark were kept by main.
    await page.getByRole('group', { name: 'Bahasa antarmuka' }).getByRole('button', { name: 'English' }).click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await page.reload()
    await expectEnglish(page)
    await page.getByRole('group', { name: 'Interface language' }).getByRole('button', { name: 'Indonesia' }).click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'id')

    // Importing the same file again is recognised.
    await page.locator('input[type=file]').setInputFiles([bandung])
    const again = page.getByRole('region', { name: 'Hasil impor' })
    await expect(again.getByRole('status')).toHaveText('1 sudah ada di arsip')
    await expect(again.getByRole('listitem')).toContainText('Sudah ada di arsip')
    await again.getByRole('button', { name: 'Tutup hasil impor' }).click()
    await expect(library(page, 'Pustaka').getByText('2 artikel', { exact: true })).toBeVisible()

    // Bad files: a translated reason each, and the library unchanged.
    await page.locator('input[type=file]').setInputFiles([
      { name: 'kosong.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
      { name: 'gambar.txt', mimeType: 'text/plain', buffer: pngBytes },
    ])
    const failed = page.getByRole('region', { name: 'Hasil impor' })
    await expect(failed.getByRole('status')).toHaveText('2 gagal diimpor')
    await expect(failed.getByRole('listitem').nth(0)).toContainText('“kosong.txt” kosong — tidak ada teks untuk diimpor.')
    await expect(failed.getByRole('listitem').nth(1)).toContainText('“gambar.txt” bukan berkas teks.')
    await expect(library(page, 'Pustaka').getByText('2 artikel', { exact: true })).toBeVisible()
    expect((await warta.handlers.listArticles({ filter: 'all', sort: 'published', offset: 0, limit: 10 })).total).toBe(2)

    // Esc goes back to the library and keeps the keyboard there.
    await failed.getByRole('button', { name: 'Tutup hasil impor' }).click()
    await page.keyboard.press('Escape')
    await expect(reader(page, 'Pembaca').getByText('Belum ada yang dibuka')).toBeVisible()
    await expect(page.locator(':focus')).toHaveClass(/row-link/)
  })

  test('follows a "Baca juga" link to the archived story', async ({ page, warta }) => {
    await page.goto(warta.url)
    await page.locator('input[type=file]').setInputFiles([bandung, garut])
    await page.getByRole('button', { name: 'Tutup hasil impor' }).click()
    await library(page, 'Pustaka').getByRole('link', { name: /Festival Kopi Priangan/ }).click()
    await reader(page, 'Pembaca').locator('p.read-also').getByRole('link', { name: garutTitle }).click()
    await expect(reader(page, 'Pembaca').getByRole('heading', { level: 1 })).toHaveText(garutTitle)
    // A headline the dispatch gave is not offered for editing.
    await expect(reader(page, 'Pembaca').getByRole('button', { name: 'Ubah judul' })).toHaveCount(0)
    // Ctrl+D bookmarks too, as in a browser.
    const bookmark = reader(page, 'Pembaca').getByRole('button', { name: 'Tandai', exact: true })
    await page.keyboard.press('Control+d')
    await expect(bookmark).toHaveAttribute('aria-pressed', 'true')
    expect((await warta.handlers.listArticles({ filter: 'bookmarked', sort: 'published', offset: 0, limit: 10 })).items.map((a) => a.title)).toEqual([garutTitle])
  })

  test('refuses a file over the size limit without sending it', async ({ page, warta }) => {
    const sent: string[] = []
    page.on('request', (request) => {
      if (request.url().includes('/api/importFiles')) sent.push(request.url())
    })
    await page.goto(warta.url)
    await page.locator('input[type=file]').setInputFiles([
      { name: 'besar.txt', mimeType: 'text/plain', buffer: Buffer.alloc(5 * 1024 * 1024 + 1, 'a') },
    ])
    const results = page.getByRole('region', { name: 'Hasil impor' })
    await expect(results.getByRole('status')).toHaveText('1 gagal diimpor')
    await expect(results.getByRole('listitem')).toContainText('“besar.txt” terlalu besar untuk diimpor: batasnya 5 MB per berkas.')
    expect(sent).toEqual([])
    // Still the first-run screen: nothing was added.
    await expect(page.getByRole('heading', { level: 1, name: 'Selamat datang di Warta' })).toBeVisible()
    expect(warta.archive.size).toBe(0)
  })
})

test.describe('with an English system', () => {
  test.use({ systemLocale: 'en-US' })

  test('greets a first-time user in English', async ({ page, warta }) => {
    await page.goto(warta.url)
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Warta' })).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(page.getByRole('button', { name: 'Import files…' })).toHaveCount(2)
    await expect(page.getByRole('button', { name: 'Load sample articles' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true')
    // Only a choice the person makes is stored; the system's language is not written down.
    expect(warta.archive.language).toBeNull()
  })
})

async function expectEnglish(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  const list = library(page, 'Library')
  const article = reader(page, 'Reader')
  await expect(article.getByRole('button', { name: 'Bookmark', exact: true })).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByRole('button', { name: 'Back to library' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Import files…' })).toBeVisible()
  await expect(list.getByRole('tab', { name: /^All/ })).toBeVisible()
  await expect(list.getByRole('tab', { name: /^Bookmarks/ })).toBeVisible()
  await expect(list.getByText('2 articles', { exact: true })).toBeVisible()
  await expect(article.getByRole('button', { name: 'Edit title' })).toBeVisible()
  const related = article.getByRole('region', { name: 'Related news' })
  await expect(related.getByRole('listitem').first()).toContainText('3 August 2024 at 10:15')
  await expect(article.locator('p.read-also')).toContainText('Read also')
  await expect(article).toContainText('Reporter')
  await expect(article.locator('.article-body')).toHaveAttribute('lang', 'id')
  await expect(page).toHaveTitle('Festival Kopi Priangan dibuka di Bandung — Warta')
  // No Indonesian label is left behind.
  for (const word of ['Tandai', 'Pustaka', 'Semua', 'Ditandai', 'Kembali ke pustaka', 'Berita terkait', 'Baca juga', 'Pewarta', 'Impor berkas…']) {
    await expect(page.getByText(word, { exact: true }), word).toHaveCount(0)
  }
}
