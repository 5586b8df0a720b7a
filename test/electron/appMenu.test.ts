// The native menu: in the UI language, rebuilt when the language changes (from the menu or the
// page), and its items reaching the archive or the page.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { channelOf, eventChannelOf } from '../../preload/contract'
import { STATE_FILE } from '../../main/core/archive/archive'
import { menuStrings, menuTemplate, type MenuActions } from '../../main/electron/appMenu'
import { repoRoot } from '../helpers/tempArchive'
import { app, currentMenuTemplate, dialog, findMenuItem, ipcHandlerFor, Menu, resetFakeElectron, type MenuItem } from './fakeElectron'
import { startTestApp, type TestApp } from './startTestApp'

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule)

const fixture = (name: string): string => join(repoRoot, 'test', 'electron-app', 'fixtures', name)
const labels = (items: MenuItem[]): (string | undefined)[] => items.map((i) => i.label)
const item = (id: string): MenuItem => {
  const found = findMenuItem(currentMenuTemplate(), id)
  if (!found) throw new Error(`no menu item ${id}`)
  return found
}

let started: TestApp | null = null
beforeEach(() => resetFakeElectron())
afterEach(async () => {
  await started?.cleanup()
  started = null
})

const sent = (event: string): unknown[] =>
  (started?.window.webContents.sent ?? []).filter((s) => s.channel === eventChannelOf(event as never)).map((s) => s.payload)

describe('menu language', () => {
  it('speaks English on an English system', async () => {
    started = await startTestApp({ locale: 'en-GB' })
    expect(labels(currentMenuTemplate())).toEqual(['&File', '&Edit', '&View', '&Article', '&Help'])
    expect(item('import').label).toBe('&Import Files…')
    expect(item('toggleBookmark')).toMatchObject({ label: '&Bookmark / Remove Bookmark', accelerator: 'CmdOrCtrl+D' })
    expect(item('library').label).toBe('&Library')
  })

  it('speaks Indonesian on an Indonesian system', async () => {
    started = await startTestApp({ locale: 'id-ID' })
    expect(labels(currentMenuTemplate())).toEqual(['&Berkas', '&Sunting', '&Tampilan', '&Artikel', 'Ba&ntuan'])
    expect(item('import').label).toBe('&Impor Berkas…')
    expect(item('toggleBookmark').label).toBe('&Tandai / Lepas Tanda')
    expect(item('bookmarks').label).toBe('&Ditandai')
    expect(item('language-id')).toMatchObject({ type: 'radio', checked: true, label: 'Bahasa Indonesia' })
    expect(item('language-en')).toMatchObject({ type: 'radio', checked: false, label: 'English' })
  })

  it('choosing English in the menu saves it, rebuilds the menu in English and tells the page', async () => {
    started = await startTestApp({ locale: 'id-ID' })
    const builds = Menu.buildFromTemplate.mock.calls.length
    item('language-en').click?.()
    await vi.waitFor(() => expect(sent('settingsChanged')).toEqual([{ language: 'en' }]))
    expect(Menu.buildFromTemplate.mock.calls.length).toBe(builds + 1)
    expect(labels(currentMenuTemplate())[0]).toBe('&File')
    expect(item('language-en').checked).toBe(true)
    const state = JSON.parse(await readFile(join(started.archiveDir, STATE_FILE), 'utf8')) as { settings: { language: string } }
    expect(state.settings.language).toBe('en')
  })

  it('a language chosen in the page rebuilds the menu too', async () => {
    started = await startTestApp({ locale: 'en-US' })
    await ipcHandlerFor(channelOf('setLanguage'))({ senderFrame: { url: 'app://warta/index.html', parent: null } }, { language: 'id' })
    expect(labels(currentMenuTemplate())[0]).toBe('&Berkas')
  })

  it('keeps the chosen language across a restart', async () => {
    started = await startTestApp({ locale: 'en-US' })
    item('language-id').click?.()
    await vi.waitFor(() => expect(sent('settingsChanged')).toHaveLength(1))
    const { archiveDir } = started
    // Quit as Electron does: will-quit, which waits for the archive to close, then quit again.
    const quitting = { preventDefault: vi.fn() }
    app.emit('will-quit', quitting)
    expect(quitting.preventDefault).toHaveBeenCalled()
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled())
    resetFakeElectron()
    const again = await startTestApp({ locale: 'en-US', env: { WARTA_ARCHIVE_DIR: archiveDir } })
    try {
      expect(labels(currentMenuTemplate())[0]).toBe('&Berkas')
    } finally {
      await again.cleanup()
    }
  })

  it('has the same keys, all filled, in both languages', () => {
    expect(Object.keys(menuStrings.id).sort()).toEqual(Object.keys(menuStrings.en).sort())
    for (const lang of ['en', 'id'] as const) for (const [key, text] of Object.entries(menuStrings[lang])) expect(text.trim(), `${lang}.${key}`).not.toBe('')
  })
})

describe('menu items', () => {
  it('File ▸ Import opens a multi-select .txt/.html dialog in the UI language, imports the choice and tells the page', async () => {
    started = await startTestApp({ locale: 'id-ID' })
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [fixture('id-pasar-terapung.txt'), fixture('en-night-ferry.txt')] })
    item('import').click?.()
    await vi.waitFor(() => expect(sent('archiveChanged')).toHaveLength(1))
    const options = dialog.showOpenDialog.mock.lastCall?.at(-1) as { title: string; properties: string[]; filters: { extensions: string[] }[] }
    expect(options).toMatchObject({ title: 'Impor berkas', properties: ['openFile', 'multiSelections'], filters: [{ name: 'Berita teks dan halaman web (.txt, .html)', extensions: ['txt', 'html', 'htm'] }] })
    const [{ outcomes }] = sent('archiveChanged') as [{ outcomes: { status: string; name: string }[] }]
    expect(outcomes.map((o) => [o.status, o.name])).toEqual([
      ['imported', 'id-pasar-terapung.txt'],
      ['imported', 'en-night-ferry.txt'],
    ])
    expect(started.running.archive.size).toBe(2)
  })

  it('File ▸ Import changes nothing when the dialog is cancelled', async () => {
    started = await startTestApp()
    item('import').click?.()
    await vi.waitFor(() => expect(dialog.showOpenDialog).toHaveBeenCalled())
    await new Promise((r) => setTimeout(r, 20))
    expect(sent('archiveChanged')).toEqual([])
    expect(started.running.archive.size).toBe(0)
  })

  it('Library, Bookmarks and Toggle bookmark are sent to the page as menu commands', async () => {
    started = await startTestApp()
    item('library').click?.()
    item('bookmarks').click?.()
    item('toggleBookmark').click?.()
    expect(sent('menuCommand')).toEqual([{ command: 'showLibrary' }, { command: 'showBookmarks' }, { command: 'toggleBookmark' }])
  })

  it('File ▸ Save from Web Address (Ctrl/Cmd+L) and View ▸ Feeds (Ctrl/Cmd+3) open the page’s dialog and view', async () => {
    started = await startTestApp({ locale: 'id-ID' })
    expect(item('saveFromUrl')).toMatchObject({ label: '&Simpan dari Alamat Web…', accelerator: 'CmdOrCtrl+L' })
    expect(item('feeds')).toMatchObject({ label: '&Umpan Berita', accelerator: 'CmdOrCtrl+3' })
    item('saveFromUrl').click?.()
    item('feeds').click?.()
    expect(sent('menuCommand')).toEqual([{ command: 'saveFromUrl' }, { command: 'showFeeds' }])
  })

  it('Help ▸ About shows the version', async () => {
    started = await startTestApp()
    item('about').click?.()
    await vi.waitFor(() => expect(dialog.showMessageBox).toHaveBeenCalled())
    expect(JSON.stringify(dialog.showMessageBox.mock.lastCall)).toContain('Version 0.1.0')
  })

  it('on macOS puts Quit in the app menu and drops Windows-style mnemonics', () => {
    const actions: MenuActions = { importFiles() {}, saveFromUrl() {}, showLibrary() {}, showBookmarks() {}, showFeeds() {}, toggleBookmark() {}, setLanguage() {}, about() {} }
    const mac = menuTemplate({ language: 'en', platform: 'darwin', appName: 'Warta', developer: false }, actions) as MenuItem[]
    expect(labels(mac)).toEqual(['Warta', 'File', 'Edit', 'View', 'Article', 'Window', 'Help'])
    expect(findMenuItem(mac, 'quit')).toBeUndefined()
    expect(mac[0]?.submenu?.map((i) => i.role).filter(Boolean)).toContain('quit')
    const linux = menuTemplate({ language: 'en', platform: 'linux', appName: 'Warta', developer: false }, actions) as MenuItem[]
    expect(findMenuItem(linux, 'quit')).toMatchObject({ role: 'quit', label: '&Quit' })
    expect(JSON.stringify(linux)).not.toMatch(/toggleDevTools|"reload"/)
  })
})
