// Highlights and notes as a person makes them: text selected with the mouse, a colour picked
// from the toolbar, a note written, the page reloaded — and the highlight still on the same
// words. Then editing, deleting with undo, the sidebar, the archive-wide view with its filters,
// and both exports. In Chromium against the real handlers and a real archive on disk.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { dispatchesDir, expect, screenshotsDir, test } from './fixtures'

const bandung = join(dispatchesDir, 'festival-kopi-bandung.txt')
const garut = join(dispatchesDir, 'petani-kopi-garut.txt')

/** The point at the left edge of a phrase's first character, or the right edge of its last, in viewport pixels. */
async function edgeOf(locator: Locator, phrase: string, edge: 'start' | 'end'): Promise<{ x: number; y: number }> {
  return locator.evaluate(
    (element, { phrase, edge }) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
      const nodes: { node: Text; at: number }[] = []
      let text = ''
      while (walker.nextNode()) {
        const node = walker.currentNode as Text
        nodes.push({ node, at: text.length })
        text += node.data
      }
      const found = text.indexOf(phrase)
      if (found === -1) throw new Error(`no "${phrase}" in ${text}`)
      const target = edge === 'start' ? found : found + phrase.length - 1
      const holder = [...nodes].reverse().find((n) => n.at <= target) as { node: Text; at: number }
      const range = document.createRange()
      range.setStart(holder.node, target - holder.at)
      range.setEnd(holder.node, target - holder.at + 1)
      const rect = range.getClientRects()[0] as DOMRect
      return { x: edge === 'start' ? rect.left + 1 : rect.right - 1, y: rect.top + rect.height / 2 }
    },
    { phrase, edge },
  )
}

/** Drags the mouse from the start of `from` (in one block) to the end of `to` (in the same or a later one). */
async function selectWithMouse(page: Page, from: Locator, fromPhrase: string, to: Locator, toPhrase: string): Promise<void> {
  // Centred, so the drag never nears the edge where the page would scroll under the mouse.
  await from.evaluate((element) => element.scrollIntoView({ block: 'center' }))
  const start = await edgeOf(from, fromPhrase, 'start')
  const end = await edgeOf(to, toPhrase, 'end')
  await page.mouse.move(start.x, start.y)
  await page.mouse.down()
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 4 })
  await page.mouse.move(end.x, end.y, { steps: 6 })
  await page.mouse.up()
}

/** All the text of one highlight, across its pieces (a highlight spanning paragraphs has one per paragraph). */
const markText = (page: Page, id: string) =>
  page.locator(`mark[data-annotation-id="${id}"]`).evaluateAll((marks) => marks.map((m) => m.textContent).join('|'))

const idOfMarkWith = async (page: Page, text: string): Promise<string> =>
  (await page.locator('mark[data-annotation-id]', { hasText: text }).first().getAttribute('data-annotation-id')) as string

const readDownload = async (download: { path: () => Promise<string | null> }): Promise<string> => readFile((await download.path()) as string, 'utf8')

test.describe('highlights and notes, in Indonesian', () => {
  test.use({ systemLocale: 'id-ID' })

  test('highlight with the mouse, add a note, reload, edit, delete with undo, the sidebar and the exports', async ({ page, warta }) => {
    await page.goto(warta.url)
    await page.locator('input[type=file]').setInputFiles([bandung, garut])
    await page.getByRole('button', { name: 'Tutup hasil impor' }).click()
    const library = page.getByRole('region', { name: 'Pustaka' })
    await library.getByRole('link', { name: /Festival Kopi Priangan/ }).click()
    const reader = page.getByRole('region', { name: 'Pembaca' })
    const paragraphs = reader.locator('.article-body p[data-block]')
    await expect(paragraphs).toHaveCount(5)

    // Select words in the first paragraph with the mouse: the toolbar offers the colours.
    await selectWithMouse(page, paragraphs.nth(0), 'lebih dari 80 petani', paragraphs.nth(0), 'lebih dari 80 petani')
    const toolbar = page.getByRole('toolbar', { name: 'Sorot pilihan' })
    await expect(toolbar).toBeVisible()
    await page.screenshot({ path: join(screenshotsDir, 'annotations-toolbar-id.png') })
    await toolbar.getByRole('button', { name: 'Sorot dengan warna hijau' }).click()
    await expect(toolbar).toHaveCount(0)
    const green = page.locator('mark.hl-green')
    await expect(green).toHaveText('lebih dari 80 petani')
    const greenId = (await green.getAttribute('data-annotation-id')) as string
    await expect(green).toHaveAttribute('aria-label', 'Sorotan, hijau')

    // "Add note" highlights in yellow and opens the note at once; Ctrl+Enter saves it.
    await selectWithMouse(page, paragraphs.nth(4), 'produksi kopi arabika', paragraphs.nth(4), '21 ribu ton')
    await toolbar.getByRole('button', { name: 'Tambah catatan' }).click()
    const editor = page.getByRole('dialog', { name: 'Sorotan dan catatan' })
    const note = editor.getByRole('textbox', { name: 'Catatan' })
    await expect(note).toBeFocused()
    await note.fill('Cek angka ini\nke Dinas Pertanian')
    await note.press('Control+Enter')
    await expect(editor).toHaveCount(0)
    const noted = page.locator('mark.hl-yellow', { hasText: 'produksi kopi arabika' })
    await expect(noted).toHaveText('produksi kopi arabika di provinsi itu mencapai 21 ribu ton')
    await expect(noted).toHaveAttribute('title', 'Sorotan, kuning, dengan catatan: Cek angka ini ke Dinas Pertanian')
    const notedId = (await noted.getAttribute('data-annotation-id')) as string

    // A highlight across two paragraphs, with the H key.
    await selectWithMouse(page, paragraphs.nth(1), 'sekitar 20 ribu orang', paragraphs.nth(2), 'Kami ingin petani')
    await expect(toolbar).toBeVisible()
    await page.keyboard.press('h')
    await expect(page.locator('mark[data-annotation-id]')).toHaveCount(4)
    const spanningId = await idOfMarkWith(page, 'sekitar 20 ribu orang')
    await expect.poll(() => markText(page, spanningId)).toBe('sekitar 20 ribu orang, naik dari tahun lalu yang mencatat 14 ribu pengunjung.|"Kami ingin petani')

    // The library row shows the count.
    const row = library.getByRole('listitem').filter({ hasText: 'Festival Kopi Priangan' })
    await expect(row).toContainText('3 sorotan, 1 catatan')
    await expect(library.getByRole('tab', { name: /Disorot/ })).toContainText('1')

    // Reload: the same words are highlighted, the note is there.
    await page.reload()
    await expect(paragraphs).toHaveCount(5)
    await expect.poll(() => markText(page, greenId)).toBe('lebih dari 80 petani')
    await expect.poll(() => markText(page, notedId)).toBe('produksi kopi arabika di provinsi itu mencapai 21 ribu ton')
    await expect.poll(() => markText(page, spanningId)).toBe('sekitar 20 ribu orang, naik dari tahun lalu yang mencatat 14 ribu pengunjung.|"Kami ingin petani')
    await page.locator(`mark[data-annotation-id="${notedId}"]`).click()
    await expect(note).toHaveValue('Cek angka ini\nke Dinas Pertanian')
    await page.screenshot({ path: join(screenshotsDir, 'annotations-editor-id.png') })

    // Edit the note and the colour; Esc leaves the editor without going back to the library.
    await editor.getByRole('group', { name: 'Ganti warna' }).getByRole('button', { name: 'Biru' }).click()
    await expect(page.locator(`mark[data-annotation-id="${notedId}"]`)).toHaveClass(/hl-blue/)
    await note.fill('Angka resmi: 21 ribu ton')
    await editor.getByRole('button', { name: 'Simpan' }).click()
    await expect(page.locator(`mark[data-annotation-id="${notedId}"]`)).toHaveAttribute('title', 'Sorotan, biru, dengan catatan: Angka resmi: 21 ribu ton')
    await page.locator(`mark[data-annotation-id="${notedId}"]`).click()
    await note.fill('tidak jadi')
    await note.press('Escape')
    await expect(editor).toHaveCount(0)
    await expect(reader.getByRole('heading', { level: 1 })).toBeVisible()
    await expect(page.locator(`mark[data-annotation-id="${notedId}"]`)).toHaveAttribute('title', /Angka resmi/)

    // Delete, then undo: the same highlight comes back on the same words.
    await page.locator(`mark[data-annotation-id="${greenId}"]`).click()
    await editor.getByRole('button', { name: 'Hapus' }).click()
    const toast = page.getByRole('status').filter({ hasText: 'Sorotan dihapus.' })
    await expect(toast).toBeVisible()
    await expect(page.locator(`mark[data-annotation-id="${greenId}"]`)).toHaveCount(0)
    await toast.getByRole('button', { name: 'Urungkan' }).click()
    await expect.poll(() => markText(page, greenId)).toBe('lebih dari 80 petani')
    await expect(toast).toHaveCount(0)

    // The sidebar: every highlight in reading order; a click goes to it.
    await reader.getByRole('button', { name: 'Sorotan dan catatan' }).click()
    const sidebar = page.getByRole('complementary', { name: 'Sorotan dan catatan di artikel ini' })
    const items = sidebar.getByRole('listitem')
    await expect(items).toHaveCount(3)
    await expect(items.nth(0)).toContainText('lebih dari 80 petani')
    await expect(items.nth(1)).toContainText('sekitar 20 ribu orang')
    await expect(items.nth(2)).toContainText('Angka resmi: 21 ribu ton')
    await items.nth(2).getByRole('button').click()
    await expect(page.locator(`mark[data-annotation-id="${notedId}"]`)).toBeFocused()
    await expect(page.locator(`mark[data-annotation-id="${notedId}"]`)).toBeInViewport()
    // Only the reader scrolled: the window itself stays put.
    expect(await page.evaluate(() => document.scrollingElement?.scrollTop)).toBe(0)
    await page.screenshot({ path: join(screenshotsDir, 'annotations-reader-id.png') })

    // Export the article's notes as Markdown.
    const markdownDownload = page.waitForEvent('download')
    await sidebar.getByRole('button', { name: 'Ekspor catatan (Markdown)' }).click()
    const markdown = await markdownDownload
    expect(markdown.suggestedFilename()).toMatch(/^Pemerintah Kota Bandung menggelar Festival Kopi Priangan.*\.md$/)
    const md = await readDownload(markdown)
    expect(md).toMatch(/^# Pemerintah Kota Bandung menggelar Festival Kopi Priangan/)
    expect(md).toContain('## Sorotan\n\n> lebih dari 80 petani\n\n> sekitar 20 ribu orang')
    expect(md).toContain('> produksi kopi arabika di provinsi itu mencapai 21 ribu ton\n\nAngka resmi: 21 ribu ton\n')

    // The sidebar stays open for the next article, in this session.
    await reader.getByRole('button', { name: 'Kembali ke pustaka' }).click()
    await library.getByRole('link', { name: /Petani kopi Garut/ }).click()
    await expect(sidebar).toBeVisible()
    await expect(sidebar).toContainText('Belum ada sorotan.')

    // The library's "Highlighted" tab lists only the annotated article.
    await library.getByRole('tab', { name: /Disorot/ }).click()
    await expect(library.getByRole('listitem')).toHaveCount(1)
    await expect(library.getByText('1 artikel disorot', { exact: true })).toBeVisible()
  })

  test('the annotations view lists, filters, opens at the passage, and round-trips through JSON-LD', async ({ page, warta }) => {
    await page.goto(warta.url)
    await page.locator('input[type=file]').setInputFiles([bandung, garut])
    await page.getByRole('button', { name: 'Tutup hasil impor' }).click()
    const library = page.getByRole('region', { name: 'Pustaka' })
    const reader = page.getByRole('region', { name: 'Pembaca' })
    const toolbar = page.getByRole('toolbar', { name: 'Sorot pilihan' })
    const paragraphs = reader.locator('.article-body p[data-block]')

    await library.getByRole('link', { name: /Festival Kopi Priangan/ }).click()
    await selectWithMouse(page, paragraphs.nth(3), 'kelas seduh manual', paragraphs.nth(3), 'kelas seduh manual')
    await toolbar.getByRole('button', { name: 'Sorot dengan warna merah muda' }).click()
    await expect(page.locator('mark.hl-pink')).toHaveText('kelas seduh manual')
    await library.getByRole('link', { name: /Petani kopi Garut/ }).click()
    await expect(reader.getByRole('heading', { level: 1 })).toContainText('Petani kopi Garut')
    const garutFirst = paragraphs.nth(1)
    const phrase = (await garutFirst.innerText()).split(' ').slice(0, 3).join(' ')
    await selectWithMouse(page, garutFirst, phrase, garutFirst, phrase)
    await toolbar.getByRole('button', { name: 'Tambah catatan' }).click()
    await page.getByRole('textbox', { name: 'Catatan' }).fill('Bandingkan dengan musim lalu')
    await page.getByRole('button', { name: 'Simpan', exact: true }).click()
    await expect(page.locator('mark.hl-yellow')).toHaveText(phrase)

    // Every note across the archive, newest first, with the article's title.
    await page.getByRole('navigation', { name: 'Tampilan' }).getByRole('button', { name: 'Sorotan & catatan' }).click()
    const view = page.getByRole('region', { name: 'Sorotan & catatan' })
    const cards = view.getByRole('listitem')
    await expect(cards).toHaveCount(2)
    await expect(view.getByText('2 sorotan di seluruh arsip')).toBeVisible()
    await expect(cards.nth(0)).toContainText(phrase)
    await expect(cards.nth(0)).toContainText('Bandingkan dengan musim lalu')
    await expect(cards.nth(0)).toContainText('Petani kopi Garut')
    await expect(cards.nth(1)).toContainText('kelas seduh manual')

    // Filter by colour, by words, and to notes only.
    const filters = view.getByRole('group', { name: 'Saring sorotan' })
    await filters.getByRole('group', { name: 'Warna' }).getByRole('button', { name: 'Merah muda' }).click()
    await expect(cards).toHaveCount(1)
    await expect(cards.first()).toContainText('kelas seduh manual')
    await expect(view.getByText('1 cocok')).toBeVisible()
    await filters.getByRole('button', { name: 'Semua warna' }).click()
    await filters.getByRole('searchbox', { name: 'Cari sorotan dan catatan' }).fill('musim')
    await expect(cards).toHaveCount(1)
    await expect(cards.first()).toContainText('Bandingkan dengan musim lalu')
    await filters.getByRole('searchbox').fill('tidak ada yang begini')
    await expect(view.getByText('Tidak ada sorotan yang cocok.')).toBeVisible()
    await filters.getByRole('button', { name: 'Hapus saringan' }).click()
    await filters.getByRole('button', { name: 'Dengan catatan' }).click()
    await expect(cards).toHaveCount(1)
    await filters.getByRole('button', { name: 'Dengan catatan' }).click()
    await expect(cards).toHaveCount(2)
    await page.screenshot({ path: join(screenshotsDir, 'annotations-view-id.png') })

    // A card opens its article scrolled to the passage.
    await cards.nth(1).getByRole('link').click()
    await expect(reader.getByRole('heading', { level: 1 })).toContainText('Festival Kopi Priangan')
    await expect(page.locator('mark.hl-pink')).toBeFocused()
    await expect(page.locator('mark.hl-pink')).toBeInViewport()

    // Export everything, lose it, import it back.
    await page.getByRole('button', { name: 'Sorotan & catatan' }).click()
    const download = page.waitForEvent('download')
    await view.getByRole('button', { name: 'Ekspor semua (JSON-LD)' }).click()
    const exported = await download
    expect(exported.suggestedFilename()).toMatch(/^warta-annotations-\d{4}-\d{2}-\d{2}\.jsonld$/)
    const jsonld = JSON.parse(await readDownload(exported)) as { type: string; total: number }
    expect(jsonld).toMatchObject({ type: 'AnnotationCollection', total: 2 })
    for (const a of warta.archive.annotations.slice()) await warta.handlers.deleteAnnotation({ id: a.id })
    await page.reload()
    await page.getByRole('button', { name: 'Sorotan & catatan' }).click()
    await expect(view.getByText('Belum ada sorotan. Pilih teks dalam artikel untuk menyorotnya.')).toBeVisible()
    await view.locator('input[type=file]').setInputFiles({ name: 'cadangan.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(await readDownload(exported)) })
    await expect(view.getByRole('region', { name: /Hasil impor/ }).getByRole('status')).toHaveText('2 anotasi diimpor.')
    await expect(cards).toHaveCount(2)
    // Again: nothing doubles.
    await view.locator('input[type=file]').setInputFiles({ name: 'cadangan.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(await readDownload(exported)) })
    await expect(view.getByRole('region', { name: /Hasil impor/ }).getByRole('status')).toHaveText('Tidak ada yang diimpor. 2 sudah ada.')
    await expect(cards).toHaveCount(2)
    // A file that is not annotations says so.
    await view.locator('input[type=file]').setInputFiles({ name: 'salah.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') })
    await expect(view.getByRole('region', { name: /Hasil impor/ }).getByRole('status')).toContainText('“salah.json”')
  })
})

test.describe('highlights and notes, in English', () => {
  test.use({ systemLocale: 'en-GB' })

  test('highlight, note, reload and find it in the annotations view', async ({ page, warta }) => {
    await page.goto(warta.url)
    await page.locator('input[type=file]').setInputFiles([bandung])
    await page.getByRole('button', { name: 'Close import results' }).click()
    await page.getByRole('region', { name: 'Library' }).getByRole('link', { name: /Festival Kopi Priangan/ }).click()
    const reader = page.getByRole('region', { name: 'Reader' })
    const paragraphs = reader.locator('.article-body p[data-block]')
    await selectWithMouse(page, paragraphs.nth(2), 'harga yang mereka terima', paragraphs.nth(2), 'lebih adil')
    const toolbar = page.getByRole('toolbar', { name: 'Highlight the selection' })
    await toolbar.getByRole('button', { name: 'Highlight in blue' }).click()
    const mark = page.locator('mark.hl-blue')
    await expect(mark).toHaveText('harga yang mereka terima lebih adil')
    await expect(mark).toHaveAttribute('aria-label', 'Highlight, blue')
    await mark.click()
    const editor = page.getByRole('dialog', { name: 'Highlight and note' })
    await editor.getByRole('textbox', { name: 'Note' }).fill('Fair prices: the festival’s stated aim')
    await editor.getByRole('button', { name: 'Save' }).click()
    await expect(mark).toHaveAttribute('title', 'Highlight, blue, with note: Fair prices: the festival’s stated aim')

    await page.reload()
    await expect(page.locator('mark.hl-blue')).toHaveText('harga yang mereka terima lebih adil')
    await reader.getByRole('button', { name: 'Highlights and notes' }).click()
    const sidebar = page.getByRole('complementary', { name: 'Highlights and notes in this article' })
    await expect(sidebar.getByRole('listitem')).toHaveCount(1)
    await expect(sidebar).toContainText('Fair prices')
    await page.screenshot({ path: join(screenshotsDir, 'annotations-reader-en.png') })

    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Highlights & notes' }).click()
    const view = page.getByRole('region', { name: 'Highlights & notes' })
    await expect(view.getByText('1 highlight across your archive')).toBeVisible()
    await expect(view.getByRole('listitem')).toContainText('Fair prices: the festival’s stated aim')
    await view.getByRole('group', { name: 'Colour' }).getByRole('button', { name: 'Green' }).click()
    await expect(view.getByText('No highlights match.')).toBeVisible()
    await view.getByRole('group', { name: 'Colour' }).getByRole('button', { name: 'Blue' }).click()
    await expect(view.getByRole('listitem')).toHaveCount(1)
    await page.screenshot({ path: join(screenshotsDir, 'annotations-view-en.png') })
    await page.getByRole('button', { name: 'Library' }).click()
    await expect(page.getByRole('region', { name: 'Library' }).getByRole('listitem')).toContainText('1 highlight, 1 note')
  })
})
