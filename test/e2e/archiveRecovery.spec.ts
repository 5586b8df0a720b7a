// Issue 6, "nothing lost" as the user sees it: after the archive repaired a damaged file on
// opening, the first window says what happened — which backup the list came back from and where
// the damaged copy is kept — in the user's language, until dismissed; and a save the disk
// refuses shows a translated error instead of pretending it worked.
import { readdirSync } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { writeArchiveWithDamagedCatalog } from '../helpers/damagedArchive'
import { expect, samplesDir, screenshotsDir, test } from './fixtures'

// 10:15 in Jakarta, where the tests' browser lives (playwright.config.ts).
const backupAt = new Date('2026-11-20T03:15:00.000Z')
const sampleCount = readdirSync(samplesDir).filter((name) => name.endsWith('.txt')).length

const banner = (page: Page, title: string) => page.getByRole('alert').filter({ has: page.getByRole('heading', { name: title }) })

test.describe('a list of articles damaged before the app started', () => {
  test.use({ prepareArchive: { run: async (dir) => void (await writeArchiveWithDamagedCatalog(dir, backupAt)) } })

  test.describe('with an Indonesian system', () => {
    test.use({ systemLocale: 'id-ID' })

    test('the first window tells what was restored and where the damaged copy is, once', async ({ page, warta }) => {
      await page.goto(warta.url)
      const notice = banner(page, 'Warta memperbaiki arsip Anda')
      await expect(notice).toBeVisible()
      await expect(notice).toContainText('Daftar artikel Anda rusak. Warta memulihkannya dari cadangan tanggal 20 November 2026')
      await expect(notice).toContainText(/pukul 10[.:]15/)
      await expect(notice).toContainText(`Berkas yang rusak disimpan sebagai ${join(warta.dir, 'catalog.json.corrupt-')}`)
      // Nothing was lost: every sample is back in the library.
      await expect(page.getByRole('region', { name: 'Pustaka' }).getByText(`${sampleCount} artikel`, { exact: true })).toBeVisible()
      await page.screenshot({ path: join(screenshotsDir, 'archive-recovery-id.png') })

      await notice.getByRole('button', { name: 'Sembunyikan pesan ini' }).click()
      await expect(notice).toHaveCount(0)
      // Dismissed in main, not only in this page: a reload does not tell it again.
      await page.reload()
      await expect(page.getByRole('region', { name: 'Pustaka' }).getByText(`${sampleCount} artikel`, { exact: true })).toBeVisible()
      await expect(banner(page, 'Warta memperbaiki arsip Anda')).toHaveCount(0)
    })
  })

  test.describe('with an English system', () => {
    test.use({ systemLocale: 'en-US' })

    test('the notice is in English', async ({ page, warta }) => {
      await page.goto(warta.url)
      const notice = banner(page, 'Warta repaired your archive')
      await expect(notice).toContainText('The list of your articles was damaged. Warta restored it from a backup taken November 20, 2026')
      await expect(notice).toContainText(/10:15\sAM/)
      await expect(notice).toContainText(`The damaged file was kept as ${join(warta.dir, 'catalog.json.corrupt-')}`)
      await expect(page.getByRole('region', { name: 'Library' }).getByText(`${sampleCount} articles`, { exact: true })).toBeVisible()
      await notice.getByRole('button', { name: 'Hide this message' }).click()
      await expect(notice).toHaveCount(0)
    })
  })
})

test.describe('an archive that opened cleanly', () => {
  test('shows no repair notice', async ({ page, warta }) => {
    await page.goto(warta.url)
    await expect(page.getByRole('heading', { level: 1, name: 'Selamat datang di Warta' })).toBeVisible()
    await expect(page.getByRole('alert')).toHaveCount(0)
  })
})

/**
 * Puts a folder where the archive saves `file` (and its journal of appended changes, where a
 * save may go instead), so the next save fails as on a broken disk. Returns how to undo it, so
 * the host can close the archive cleanly afterwards.
 */
async function refuseSavesOf(dir: string, file: string): Promise<() => Promise<void>> {
  const paths = [join(dir, file), join(dir, `${file}-journal`)]
  for (const path of paths) {
    await rm(path, { force: true })
    await mkdir(join(path, 'in-the-way'), { recursive: true })
  }
  return async () => {
    for (const path of paths) await rm(path, { recursive: true, force: true })
  }
}

for (const [locale, words] of [
  ['id-ID', { library: 'Pustaka', samples: 'Muat artikel contoh', count: `${sampleCount} artikel`, bookmark: /^Tandai “/, writeFailed: 'Warta tidak dapat menyimpan ke arsip. Pastikan disk tidak penuh atau hanya-baca, lalu coba lagi.', results: 'Hasil impor' }],
  ['en-US', { library: 'Library', samples: 'Load sample articles', count: `${sampleCount} articles`, bookmark: /^Bookmark “/, writeFailed: 'Warta could not save to the archive. Check that the disk is not full or read-only, then try again.', results: 'Import results' }],
] as const) {
  test.describe(`a save the disk refuses (${locale})`, () => {
    test.use({ systemLocale: locale })

    test('a bookmark that cannot be saved is shown as not saved, with a translated reason', async ({ page, warta }) => {
      await page.goto(warta.url)
      await page.getByRole('button', { name: words.samples }).click()
      const library = page.getByRole('region', { name: words.library })
      await expect(library.getByText(words.count, { exact: true })).toBeVisible()
      const undo = await refuseSavesOf(warta.dir, 'state.json')

      const toggle = library.getByRole('listitem').first().getByRole('button', { name: words.bookmark })
      await expect(toggle).toHaveAttribute('aria-pressed', 'false')
      await toggle.click()
      await expect(page.getByRole('alert')).toHaveText(words.writeFailed)
      // Put back as it was: the screen never claims a save that did not happen.
      await expect(toggle).toHaveAttribute('aria-pressed', 'false')
      expect(warta.archive.bookmarkedCount).toBe(0)
      await undo()
    })

    test('an import that cannot be saved says so for each file, and adds nothing', async ({ page, warta }) => {
      await page.goto(warta.url)
      await page.getByRole('button', { name: words.samples }).click()
      const library = page.getByRole('region', { name: words.library })
      await expect(library.getByText(words.count, { exact: true })).toBeVisible()
      await page.getByRole('region', { name: words.results }).getByRole('button').first().click()
      const undo = await refuseSavesOf(warta.dir, 'catalog.json')

      await page.locator('input[type=file]').setInputFiles([
        { name: 'baru.txt', mimeType: 'text/plain', buffer: Buffer.from('SURABAYA (ANTARA) - Pelabuhan Tanjung Perak menambah dua dermaga baru untuk kapal penumpang.\nDermaga itu mulai dipakai bulan depan.') },
      ])
      const results = page.getByRole('region', { name: words.results })
      await expect(results.getByRole('listitem')).toContainText(words.writeFailed)
      await expect(library.getByText(words.count, { exact: true })).toBeVisible()
      expect(warta.archive.size).toBe(sampleCount)
      await undo()
    })
  })
}
