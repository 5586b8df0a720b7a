// The main window opens at the size it had when Warta last closed.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defaultWindowSize, loadWindowSize } from '../../main/electron/windowState'
import { tempDir } from '../helpers/tempArchive'
import { resetFakeElectron } from './fakeElectron'
import { startTestApp, type TestApp } from './startTestApp'

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule)

let started: TestApp | null = null
beforeEach(() => resetFakeElectron())
afterEach(async () => {
  await started?.cleanup()
  started = null
})

describe('window', () => {
  it('is created hidden and shown once ready to show', async () => {
    started = await startTestApp()
    expect(started.window.options.show).toBe(false)
    expect(started.window.calls).not.toContain('show')
    started.window.emit('ready-to-show')
    expect(started.window.calls).toContain('show')
  })

  it('reopens at the size (and maximised state) it was closed with', async () => {
    started = await startTestApp({
      before: ({ userData }) => writeFile(join(userData, 'window-state.json'), JSON.stringify({ width: 1000, height: 700, maximized: true })),
    })
    expect(started.window.options).toMatchObject({ width: 1000, height: 700 })
    expect(started.window.calls).toContain('maximize')

    started.window.options.width = 1111
    started.window.maximized = false
    started.window.emit('close')
    const file = join(started.userData, 'window-state.json')
    await vi.waitFor(async () => expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ width: 1111, height: 700, maximized: false }))
  })

  it('falls back to the default size when the saved size is damaged or absurd', async () => {
    const { dir, cleanup } = await tempDir()
    try {
      const file = join(dir, 'window-state.json')
      for (const content of ['{not json', '{"width":-5,"height":700}', '{"width":100000,"height":700}', '{"width":"800","height":600}', 'null']) {
        await writeFile(file, content)
        expect(await loadWindowSize(file), content).toEqual(defaultWindowSize)
      }
      expect(await loadWindowSize(join(dir, 'missing.json'))).toEqual(defaultWindowSize)
    } finally {
      await cleanup()
    }
  })
})
