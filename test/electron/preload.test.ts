// Checklist 20 — do not expose Electron APIs to untrusted web content: the preload puts exactly
// the contract's methods and `on` on window.warta, frozen, and never ipcRenderer or its events.
import { describe, expect, it, vi } from 'vitest'
import { channelOf, eventChannelOf, eventNames, methods, type WartaApi } from '../../preload/contract'
import { contextBridge, ipcRenderer } from './fakeElectron'

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule)

const preload = await import('../../preload/index')
const [[name, exposed] = []] = contextBridge.exposeInMainWorld.mock.calls as unknown as [string, WartaApi][]
const api = exposed as WartaApi & Record<string, unknown>

describe('Checklist 20 — do not expose Electron APIs to untrusted web content', () => {
  it('exposes one object, window.warta, once', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1)
    expect(name).toBe('warta')
  })

  it('has exactly the contract methods plus on — nothing else', () => {
    expect(Object.keys(api).sort()).toEqual([...methods, 'on'].sort())
    for (const key of Object.keys(api)) expect(typeof api[key], key).toBe('function')
  })

  it('is frozen', () => {
    expect(Object.isFrozen(api)).toBe(true)
    expect(() => {
      ;(api as Record<string, unknown>).getSettings = () => 'hijacked'
    }).toThrow(TypeError)
  })

  it('never hands out ipcRenderer, send, invoke or Electron objects', () => {
    const reachable = JSON.stringify(Object.keys(api))
    expect(reachable).not.toMatch(/ipcRenderer|invoke|send|sendSync|electron|require|process/)
    for (const value of Object.values(api)) expect(value).not.toBe(ipcRenderer)
  })

  it('lists the same methods and events as the contract (its own copy keeps zod out of the preload)', () => {
    expect([...preload.methodNames]).toEqual(methods)
    expect([...preload.eventNames]).toEqual(eventNames)
  })

  it('calls each method on its contract channel with the input only', async () => {
    for (const method of methods) {
      ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: method })
      expect(await (api[method] as (i: unknown) => Promise<unknown>)({ probe: method })).toEqual({ ok: true, value: method })
      expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(channelOf(method), { probe: method })
    }
  })

  it('turns a main process that does not answer into an INTERNAL result, not an exception', async () => {
    ipcRenderer.invoke.mockRejectedValueOnce(new Error("No handler registered for 'warta:getSettings'"))
    expect(await api.getSettings({})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  })

  it('on: delivers the payload only, never the IpcRendererEvent (it carries sender)', () => {
    const listener = vi.fn()
    api.on('menuCommand', listener)
    ipcRenderer.emit(eventChannelOf('menuCommand'), { sender: ipcRenderer, senderId: 0 }, { command: 'toggleBookmark' })
    expect(listener).toHaveBeenCalledExactlyOnceWith({ command: 'toggleBookmark' })
  })

  it('on: returns an unsubscribe that removes exactly that listener', () => {
    const channel = eventChannelOf('archiveChanged')
    const before = ipcRenderer.listenerCount(channel)
    const off = api.on('archiveChanged', () => {})
    expect(ipcRenderer.listenerCount(channel)).toBe(before + 1)
    off()
    expect(ipcRenderer.listenerCount(channel)).toBe(before)
  })

  it('on: refuses channels that are not contract events', () => {
    for (const bad of ['warta:getSettings', 'warta-event:settingsChanged', '__proto__', 'ELECTRON_BROWSER_REQUIRE', 'toString']) {
      expect(() => api.on(bad as never, () => {}), bad).toThrow(TypeError)
    }
    expect(() => api.on('settingsChanged', 'not a function' as never)).toThrow(TypeError)
    expect(ipcRenderer.eventNames().every((e) => eventNames.some((n) => eventChannelOf(n) === e))).toBe(true)
  })
})
