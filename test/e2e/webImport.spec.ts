// Saving from anywhere and reading with no network, as a person does it in the window: files
// dropped on it (progress, then what became of each), a page saved by its address and read
// later with the network gone, a feed followed and refreshed, and all of it in Indonesian too.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page, Request } from '@playwright/test'
import { fixture, startLocalSite, webFixtures, type LocalSite } from '../core/web/localSite'
import { dispatchesDir, expect, screenshotsDir, test } from './fixtures'

const webDir = join(import.meta.dirname, 'web')

// A few bytes of a PNG: a binary file someone might drop by mistake.
const pngBytes = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a2dd4f6b0000000049454e44ae426082', 'hex')

/** Drags files over the window and drops them, as a DataTransfer built in the page (what Chromium gives a real drop). */
async function dropFiles(page: Page, files: { name: string; bytes: Buffer; type: string }[], check: () => Promise<void>): Promise<void> {
  const transfer = await page.evaluateHandle((list) => {
    const data = new DataTransfer()
    for (const f of list) data.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name, { type: f.type }))
    return data
  }, files.map((f) => ({ name: f.name, type: f.type, base64: f.bytes.toString('base64') })))
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer })
  await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer })
  await check()
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer })
}

test.describe('in English', () => {
  test.use({ systemLocale: 'en-GB' })

  test('dropping files shows the overlay, the progress with Cancel, then what became of each file', async ({ page, warta }) => {
    await page.goto(warta.url)
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Warta' })).toBeVisible()

    // Hold the import call, so the progress can be seen before main answers.
    let release = (): void => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route('**/api/importFiles', async (route) => {
      await held
      await route.continue()
    })

    const bandung = await readFile(join(dispatchesDir, 'festival-kopi-bandung.txt'))
    const garut = await readFile(join(dispatchesDir, 'petani-kopi-garut.txt'))
    await dropFiles(
      page,
      [
        { name: 'festival-kopi-bandung.txt', bytes: bandung, type: 'text/plain' },
        { name: 'rusak.txt', bytes: pngBytes, type: 'text/plain' },
        { name: 'petani-kopi-garut.txt', bytes: garut, type: 'text/plain' },
      ],
      async () => {
        await expect(page.getByText('Drop to import')).toBeVisible()
        await expect(page.getByText('Dispatches (.txt), saved web pages (.html) or whole folders of them — or a link to save.')).toBeVisible()
      },
    )
    await expect(page.getByText('Drop to import')).toHaveCount(0)

    const progress = page.getByRole('region', { name: 'Importing files' })
    await expect(progress.getByRole('status')).toHaveText('0 of 3 files imported')
    await expect(progress.getByRole('progressbar')).toHaveAttribute('max', '3')
    await expect(progress.getByRole('button', { name: 'Cancel' })).toBeEnabled()
    await expect(page.getByRole('button', { name: 'Importing…' })).toBeDisabled()
    await page.screenshot({ path: join(screenshotsDir, 'import-progress-en.png') })
    release()

    const results = page.getByRole('region', { name: 'Import results' })
    await expect(results.getByRole('status')).toHaveText('2 imported · 1 could not be imported')
    await expect(progress).toHaveCount(0)
    const items = results.getByRole('listitem')
    await expect(items).toHaveCount(3)
    await expect(items.nth(0)).toContainText('festival-kopi-bandung.txt')
    await expect(items.nth(0)).toContainText('Imported')
    await expect(items.nth(1)).toContainText('rusak.txt')
    await expect(items.nth(1)).toContainText('“rusak.txt” is not a text file. Warta imports plain-text dispatches (.txt) and saved web pages (.html).')
    await expect(items.nth(2)).toContainText('Petani kopi Garut panen lebih awal')

    // The library has the two good ones.
    await expect(page.getByRole('region', { name: 'Library' }).getByText('2 articles', { exact: true })).toBeVisible()
  })

  test('a page saved by its address is read later with no network: its picture comes from the archive', async ({ page, browser, warta }) => {
    const site = await startLocalSite({
      '/berita/pelabuhan-ikan': async (_req, res) => {
        const body = await readFile(join(webDir, 'pelabuhan-ikan.html'))
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        res.end(body)
      },
      '/gambar/kapal-es.png': async (_req, res) => {
        const body = await readFile(join(webFixtures, 'images', 'train.png'))
        res.writeHead(200, { 'content-type': 'image/png' })
        res.end(body)
      },
    })
    const pageUrl = site.url('/berita/pelabuhan-ikan')
    let siteOpen = true
    try {
      await page.goto(warta.url)
      await page.getByRole('button', { name: 'Save from URL…' }).click()
      const dialog = page.getByRole('dialog', { name: 'Save from web address' })
      await expect(dialog).toBeVisible()
      const field = dialog.getByRole('textbox', { name: 'Web address' })
      await expect(field).toBeFocused()

      // Something that is not an address is caught before anything is fetched.
      await field.fill('pelabuhan ikan sibolga')
      await dialog.getByRole('button', { name: 'Save' }).click()
      await expect(dialog.getByText('That is not a web address. A web address looks like https://example.com/news/story.')).toBeVisible()
      await expect(field).toHaveAttribute('aria-invalid', 'true')
      expect(site.hits.size).toBe(0)

      await field.fill(pageUrl)
      await dialog.getByRole('button', { name: 'Save' }).click()
      const toast = page.getByRole('status').filter({ hasText: 'Saved “Pelabuhan Ikan Sibolga Mulai Pakai Es dari Tenaga Surya”' })
      await expect(toast).toBeVisible({ timeout: 30_000 })
      await expect(toast).toContainText('1 picture kept for reading offline')
      await expect(dialog).toHaveCount(0)
      // It opens at once, from the archive.
      const reader = page.getByRole('region', { name: 'Reader' })
      await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Pelabuhan Ikan Sibolga Mulai Pakai Es dari Tenaga Surya')
      await expect(reader.getByText('By Rahmat Siregar')).toBeVisible()
      await expect(reader.locator('.article-body')).not.toContainText('IKLAN')
      expect(site.hits.get('/gambar/kapal-es.png')).toBe(1)

      // The site goes away, and the network with it.
      await site.close()
      siteOpen = false
      const offline = await browser.newContext({ timezoneId: 'Asia/Jakarta' })
      const previewOrigin = new URL(warta.url).origin
      const requests: string[] = []
      const refused: string[] = []
      await offline.route('**', async (route) => {
        const url = route.request().url()
        if (new URL(url).origin === previewOrigin) await route.continue()
        else {
          refused.push(url)
          await route.abort('internetdisconnected')
        }
      })
      const later = await offline.newPage()
      later.on('request', (r: Request) => requests.push(r.url()))
      await later.goto(warta.url)
      await later.getByRole('region', { name: 'Library' }).getByRole('link', { name: /Pelabuhan Ikan Sibolga/ }).click()
      const body = later.getByRole('region', { name: 'Reader' }).locator('.article-body')
      const picture = body.getByRole('img', { name: 'Kapal nelayan memuat es' })
      await expect(picture).toBeVisible()
      await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(48)
      const src = await picture.evaluate((img: HTMLImageElement) => img.currentSrc)
      expect(src).toMatch(new RegExp(`^${previewOrigin}/media/[a-z0-9]{16}/[0-9a-f]{16}\\.png$`))
      await expect(body).toContainText('Diperluas ke pelabuhan lain')

      // A link in the article never navigates the window: it is handed to main for the system browser.
      await body.getByRole('link', { name: 'situs kementerian' }).click()
      await expect(later.getByRole('alert')).toContainText('Warta cannot open links in your browser from here. The link goes to https://kkp.example/laporan/es-surya')
      expect(later.url()).toContain(previewOrigin)

      expect(refused).toEqual([])
      expect(requests.filter((url) => new URL(url).origin !== previewOrigin)).toEqual([])
      expect(requests).toContain(src)
      await offline.close()
    } finally {
      if (siteOpen) await site.close()
    }
  })

  test('a page saved again after it changed keeps both versions; an earlier one reads read-only with a banner', async ({ page, warta }) => {
    const original = await readFile(join(webDir, 'pelabuhan-ikan.html'), 'utf8')
    let edition = 1
    const site = await startLocalSite({
      '/berita/pelabuhan-ikan': (_req, res) => {
        const body =
          edition === 1
            ? original
            : original.replace('hingga dua ton es setiap hari', 'hingga tiga ton es setiap hari').replace('</article>', '<p>Ralat: kapasitas pabrik es adalah tiga ton per hari, bukan dua ton.</p></article>')
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        res.end(body)
      },
    })
    try {
      await page.goto(warta.url)
      // Keys and pastes are taken once the window has shown the archive, as a person would see it.
      await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Warta' })).toBeVisible()
      const save = async (): Promise<void> => {
        await page.keyboard.press('Control+l')
        const dialog = page.getByRole('dialog', { name: 'Save from web address' })
        await dialog.getByRole('textbox', { name: 'Web address' }).fill(site.url('/berita/pelabuhan-ikan'))
        await dialog.getByRole('button', { name: 'Save' }).click()
        await expect(dialog).toHaveCount(0, { timeout: 30_000 })
      }
      await save()
      const reader = page.getByRole('region', { name: 'Reader' })
      await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Pelabuhan Ikan Sibolga Mulai Pakai Es dari Tenaga Surya')
      // One version: nothing to choose from.
      await expect(reader.getByRole('button', { name: /Versions/ })).toHaveCount(0)

      edition = 2
      await save()
      await expect(page.getByText('“Pelabuhan Ikan Sibolga Mulai Pakai Es dari Tenaga Surya” had changed: saved as a new version, the earlier one kept')).toBeVisible()
      const body = reader.locator('.article-body')
      await expect(body).toContainText('hingga tiga ton es')
      const versions = reader.getByRole('button', { name: 'Versions 2' })
      await versions.click()
      await expect(versions).toHaveAttribute('aria-expanded', 'true')
      const list = reader.getByRole('list', { name: '2 saved versions' })
      await expect(list.getByRole('button')).toHaveCount(2)
      await expect(list.getByRole('button').first()).toContainText(/Newest · 7 paragraphs$/)
      await expect(list.getByRole('button').first()).toHaveAttribute('aria-current', 'true')
      await expect(list.getByRole('button').nth(1)).toHaveAccessibleName(/^Saved \d{1,2} \w+ \d{4} at \d{2}:\d{2} Version 1 · 6 paragraphs$/)
      await page.screenshot({ path: join(screenshotsDir, 'versions-menu-en.png') })

      await list.getByRole('button').nth(1).click()
      const banner = reader.getByRole('status').filter({ hasText: 'You are reading an earlier version' })
      await expect(banner).toContainText(/^You are reading an earlier version of this article, saved \d{1,2} \w+ \d{4} at \d{2}:\d{2}\.Show the newest version$/)
      // The earlier text cannot be highlighted.
      await expect(reader.getByText('Highlights are shown on the newest version of this article.')).toBeVisible()
      await expect(body).toContainText('hingga dua ton es')
      await expect(body).not.toContainText('Ralat')
      await page.screenshot({ path: join(screenshotsDir, 'versions-older-en.png') })

      await banner.getByRole('button', { name: 'Show the newest version' }).click()
      await expect(banner).toHaveCount(0)
      await expect(body).toContainText('Ralat: kapasitas pabrik es adalah tiga ton per hari')
    } finally {
      await site.close()
    }
  })

  test('text pasted outside a text field is kept as a dispatch of its own', async ({ page, warta }) => {
    await page.goto(warta.url)
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Warta' })).toBeVisible()
    const text = await readFile(join(dispatchesDir, 'petani-kopi-garut.txt'), 'utf8')
    await page.evaluate((pasted) => {
      const data = new DataTransfer()
      data.setData('text/plain', pasted)
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    }, text)
    const results = page.getByRole('region', { name: 'Import results' })
    await expect(results.getByRole('status')).toHaveText('1 imported')
    await expect(results.getByRole('listitem')).toContainText(/^pasted-\d{4}-\d{2}-\d{2}-\d{6}\.txt/)
    await expect(results.getByRole('link', { name: 'Petani kopi Garut panen lebih awal karena kemarau panjang' })).toBeVisible()
  })

  test('following a feed saves its items; a refresh brings the new one; its articles show in the library', async ({ page, warta }) => {
    const items = [
      { guid: 'pelabuhan-1', title: 'Dermaga baru dibuka di Teluk Bayur', body: 'Dermaga baru untuk kapal penumpang di Teluk Bayur dibuka pada Senin pagi setelah dibangun selama delapan bulan oleh pemerintah provinsi.' },
      { guid: 'pelabuhan-2', title: 'Kapal feri tambahan untuk libur sekolah', body: 'Operator penyeberangan menambah dua kapal feri untuk lintasan Padang ke Mentawai selama libur sekolah karena penumpang diperkirakan naik.' },
    ]
    const feedXml = (origin: string): string =>
      `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>` +
      `<title>Kabar Pelabuhan Barat</title><link>${origin}/</link><description>Berita pelabuhan</description><language>id</language>` +
      items
        .map(
          (item, i) =>
            `<item><title>${item.title}</title><link>${origin}/berita/${item.guid}</link><guid isPermaLink="false">${item.guid}</guid>` +
            `<pubDate>Tue, 0${i + 1} Oct 2024 08:00:00 +0700</pubDate><content:encoded><![CDATA[<p>${item.body}</p><p>${item.body} Warga berharap layanan itu berlanjut.</p>]]></content:encoded></item>`,
        )
        .join('') +
      `</channel></rss>`
    const site: LocalSite = await startLocalSite({
      '/rss': (_req, res, s) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' })
        res.end(feedXml(s.origin))
      },
    })
    try {
      await page.goto(warta.url)
      // From the welcome: following a feed is a way to begin.
      await page.getByRole('button', { name: 'Follow a news site’s feed…' }).click()
      await expect(page.getByRole('heading', { level: 1, name: 'Feeds' })).toBeVisible()
      await expect(page.getByText('You follow no feeds yet')).toBeVisible()

      await page.getByRole('textbox', { name: 'Follow a feed' }).fill(site.url('/rss'))
      await page.getByRole('button', { name: 'Follow', exact: true }).click()
      await expect(page.getByText('Now following “Kabar Pelabuhan Barat” — 2 articles saved')).toBeVisible({ timeout: 30_000 })
      const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Kabar Pelabuhan Barat' }) })
      await expect(card).toContainText('2 articles')
      await expect(card).toContainText('Refreshed now')
      await expect(card).toContainText(site.url('/rss'))

      // The site publishes a third story; a refresh brings it.
      items.unshift({ guid: 'pelabuhan-3', title: 'Antrean truk ikan memanjang di pelabuhan', body: 'Antrean truk pengangkut ikan di pelabuhan memanjang hingga dua kilometer karena timbangan baru belum beroperasi penuh sejak pekan lalu.' })
      await card.getByRole('button', { name: 'Refresh “Kabar Pelabuhan Barat”' }).click()
      await expect(page.getByText('“Kabar Pelabuhan Barat” refreshed: 1 new article')).toBeVisible({ timeout: 30_000 })
      await expect(card).toContainText('3 articles')

      // Refresh all: one feed, nothing new.
      await page.getByRole('button', { name: 'Refresh all' }).click()
      await expect(page.getByText('Refreshed 1 feed: 0 new articles')).toBeVisible({ timeout: 30_000 })

      await card.getByRole('button', { name: 'Show articles' }).click()
      const library = page.getByRole('region', { name: 'Library' })
      await expect(library.getByText('Feed: Kabar Pelabuhan Barat')).toBeVisible()
      await expect(library.getByText('3 articles', { exact: true })).toBeVisible()
      await expect(library.getByRole('link', { name: /Antrean truk ikan memanjang/ })).toBeVisible()
      await expect(library.getByRole('link', { name: /Dermaga baru dibuka di Teluk Bayur/ })).toBeVisible()
      await library.getByRole('link', { name: /Dermaga baru dibuka/ }).click()
      await expect(page.getByRole('region', { name: 'Reader' })).toContainText('Dermaga baru untuk kapal penumpang di Teluk Bayur')
      await page.getByRole('button', { name: 'Feeds' }).click()
      await expect(card).toContainText('3 articles')
      await page.screenshot({ path: join(screenshotsDir, 'feeds-view-en.png') })
      await page.getByRole('button', { name: 'Library' }).click()
      await library.getByRole('button', { name: 'Show articles from everywhere again' }).click()
      await expect(library.getByText('Feed: Kabar Pelabuhan Barat')).toHaveCount(0)

      // The site goes down: the feed says why, and its articles stay.
      await site.close()
      await page.getByRole('button', { name: 'Feeds' }).click()
      await page.getByRole('button', { name: 'Refresh all' }).click()
      await expect(page.getByText('Refreshed 1 feed: 0 new articles · 1 feed could not be read')).toBeVisible({ timeout: 30_000 })
      await expect(card).toContainText('refused the connection. The site may be down; try again later.')
      await expect(card).toContainText('3 articles·Last tried now')

      // Keep only the newest 2 from the last 100 years: both limits, saved and shown again after a reload.
      await card.getByRole('combobox', { name: 'Which of its articles to keep' }).selectOption({ label: 'Only the newest, from recent days' })
      const counts = card.getByRole('spinbutton')
      await expect(counts).toHaveCount(2)
      await counts.nth(0).fill('2')
      await counts.nth(1).fill('36500')
      await card.getByRole('button', { name: 'Save' }).click()
      await expect(page.getByText('Keep rule saved for “Kabar Pelabuhan Barat”: 1 older article removed.')).toBeVisible()
      await expect(card).toContainText('2 articles')
      await page.reload()
      await page.getByRole('button', { name: 'Feeds' }).click()
      await expect(card.getByRole('combobox', { name: 'Which of its articles to keep' })).toHaveValue('both')
      await expect(card.getByRole('spinbutton').nth(0)).toHaveValue('2')
      await expect(card.getByRole('spinbutton').nth(1)).toHaveValue('36500')
      await expect(card.getByRole('button', { name: 'Save' })).toHaveCount(0)
    } finally {
      await site.close()
    }
  })
})

test.describe('in Indonesian', () => {
  test.use({ systemLocale: 'id-ID' })

  test('the Feeds view and the Save-from-URL dialog speak Indonesian, and switch language live', async ({ page, warta }) => {
    await page.goto(warta.url)
    await page.getByRole('button', { name: 'Ikuti umpan situs berita…' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Umpan berita' })).toBeVisible()
    // With nothing followed there is nothing to refresh or export yet.
    await expect(page.getByRole('button', { name: 'Perbarui semua' })).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'Impor OPML…' })).toBeVisible()
    await expect(page.getByRole('textbox', { name: 'Ikuti umpan' })).toBeVisible()
    await expect(page.getByText('Anda belum mengikuti umpan apa pun')).toBeVisible()

    // An address that is not a feed: said in Indonesian, nothing kept.
    const site = await startLocalSite({
      '/bukan-umpan': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' })
        res.end('ini bukan umpan')
      },
      '/feeds/rss.xml': fixture('feeds/rss.xml', 'application/rss+xml; charset=utf-8'),
      '/pages/article-og.html': fixture('pages/article-og.html', 'text/html; charset=utf-8'),
    })
    try {
      const address = page.getByRole('textbox', { name: 'Ikuti umpan' })
      await address.fill(site.url('/bukan-umpan'))
      await page.getByRole('button', { name: 'Ikuti', exact: true }).click()
      await expect(page.getByRole('alert')).toContainText('bukan umpan berita yang dapat dibaca Warta')
      await expect(page.getByRole('list', { name: 'Umpan yang diikuti' })).toHaveCount(0)

      await address.fill(site.url('/feeds/rss.xml'))
      await page.getByRole('button', { name: 'Ikuti', exact: true }).click()
      await expect(page.getByText('Kini mengikuti “Kabar Pesisir & Sekitarnya” — 2 artikel tersimpan')).toBeVisible({ timeout: 30_000 })
      const card = page.getByRole('list', { name: 'Umpan yang diikuti' }).getByRole('listitem')
      await expect(card).toContainText('2 artikel')
      await expect(card).toContainText('Diperbarui sekarang')
      await expect(card.getByRole('combobox', { name: 'Artikel mana yang disimpan' })).toHaveValue('all')
      await card.getByRole('combobox', { name: 'Artikel mana yang disimpan' }).selectOption('last')
      await expect(card.getByText('artikel', { exact: true })).toBeVisible()
      await page.screenshot({ path: join(screenshotsDir, 'feeds-view-id.png') })

      // Unsubscribing asks first; keeping the articles is the default.
      await card.getByRole('button', { name: 'Berhenti mengikuti “Kabar Pesisir & Sekitarnya”' }).click()
      const confirm = page.getByRole('dialog', { name: 'Berhenti mengikuti “Kabar Pesisir & Sekitarnya”?' })
      await expect(confirm.getByRole('radio', { name: /Simpan artikelnya/ })).toBeChecked()
      await page.screenshot({ path: join(screenshotsDir, 'feeds-unsubscribe-id.png') })
      await confirm.getByRole('button', { name: 'Berhenti mengikuti' }).click()
      await expect(page.getByText('Berhenti mengikuti “Kabar Pesisir & Sekitarnya”. 2 artikelnya tetap ada di pustaka.')).toBeVisible()
      await expect(page.getByText('Anda belum mengikuti umpan apa pun')).toBeVisible()
    } finally {
      await site.close()
    }

    await page.getByRole('button', { name: 'Simpan dari URL…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Simpan dari alamat web' })
    await expect(dialog.getByRole('textbox', { name: 'Alamat web' })).toBeFocused()
    await dialog.getByRole('button', { name: 'Simpan' }).click()
    await expect(dialog.getByText('Ketik atau tempel alamat sebuah halaman web.')).toBeVisible()
    await page.screenshot({ path: join(screenshotsDir, 'save-url-dialog-id.png') })
    await page.keyboard.press('Escape')
    await expect(dialog).toHaveCount(0)

    // The same view in English, switched from the toolbar.
    await page.getByRole('button', { name: 'English' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Feeds' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Import OPML…' })).toBeVisible()
    await expect(page.getByText('You follow no feeds yet')).toBeVisible()
    await expect(page.getByRole('textbox', { name: 'Follow a feed' })).toBeVisible()
    await page.keyboard.press('Control+l')
    await expect(page.getByRole('dialog', { name: 'Save from web address' }).getByRole('textbox', { name: 'Web address' })).toBeFocused()
    await page.screenshot({ path: join(screenshotsDir, 'save-url-dialog-en.png') })
  })
})
