// A stand-in for the `electron` module, which cannot load here (no Electron binary). It records
// what the glue asks of Electron — options, handlers, listeners — so the tests assert the real
// configuration objects and call the real listeners. Use it with:
//   vi.mock('electron', async () => (await import('./fakeElectron')).electronModule)
import { EventEmitter } from 'node:events'
import { vi } from 'vitest'

export interface FakeFrame {
  url: string
  parent: FakeFrame | null
}

export class FakeWebContents extends EventEmitter {
  static nextId = 1
  readonly id = FakeWebContents.nextId++
  readonly sent: { channel: string; payload: unknown }[] = []
  readonly loaded: string[] = []
  windowOpenHandler: ((details: { url: string; disposition?: string }) => { action: 'allow' | 'deny' }) | null = null
  destroyed = false
  mainFrame: FakeFrame = { url: '', parent: null }

  setWindowOpenHandler(handler: NonNullable<FakeWebContents['windowOpenHandler']>): void {
    this.windowOpenHandler = handler
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload })
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  async loadURL(url: string): Promise<void> {
    this.loaded.push(url)
    this.mainFrame = { url, parent: null }
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = []
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.instances.filter((w) => !w.destroyed)
  }
  readonly webContents = new FakeWebContents()
  readonly calls: string[] = []
  minimized = false
  maximized = false
  destroyed = false

  constructor(readonly options: Record<string, unknown>) {
    super()
    FakeBrowserWindow.instances.push(this)
    // Electron announces every new webContents on the app, as the real one does.
    app.emit('web-contents-created', { preventDefault() {} }, this.webContents)
  }
  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url)
  }
  show(): void {
    this.calls.push('show')
  }
  focus(): void {
    this.calls.push('focus')
  }
  restore(): void {
    this.calls.push('restore')
    this.minimized = false
  }
  maximize(): void {
    this.calls.push('maximize')
    this.maximized = true
  }
  isMinimized(): boolean {
    return this.minimized
  }
  isMaximized(): boolean {
    return this.maximized
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return { x: 0, y: 0, width: Number(this.options.width), height: Number(this.options.height) }
  }
}

/** What the fake app reports; tests set these before starting Warta. */
export const appState = {
  isPackaged: false,
  userData: '',
  appPath: '',
  locale: 'en-US',
  singleInstance: true,
}

class FakeApp extends EventEmitter {
  get isPackaged(): boolean {
    return appState.isPackaged
  }
  getPath = vi.fn((name: string) => (name === 'userData' ? appState.userData : `/fake/${name}`))
  getAppPath = vi.fn(() => appState.appPath)
  getLocale = vi.fn(() => appState.locale)
  getVersion = vi.fn(() => '0.1.0')
  requestSingleInstanceLock = vi.fn(() => appState.singleInstance)
  whenReady = vi.fn(() => Promise.resolve())
  quit = vi.fn()
  exit = vi.fn()
  enableSandbox = vi.fn()
  setAppUserModelId = vi.fn()
  setAboutPanelOptions = vi.fn()
  showAboutPanel = vi.fn()
}

export const app = new FakeApp()

export const session = {
  defaultSession: {
    protocol: { handle: vi.fn((_scheme: string, _handler: unknown) => {}) },
    webRequest: { onBeforeRequest: vi.fn((_listener: unknown) => {}) },
    setPermissionRequestHandler: vi.fn((_handler: unknown) => {}),
    setPermissionCheckHandler: vi.fn((_handler: unknown) => {}),
    setDevicePermissionHandler: vi.fn((_handler: unknown) => {}),
  },
}

export const ipcMain = { handle: vi.fn((_channel: string, _listener: unknown) => {}), removeHandler: vi.fn((_channel: string) => {}) }
export const Menu = {
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
  setApplicationMenu: vi.fn((_menu: { template: unknown[] } | null) => {}),
}
export const dialog = {
  showOpenDialog: vi.fn(async (..._args: unknown[]): Promise<{ canceled: boolean; filePaths: string[] }> => ({ canceled: true, filePaths: [] })),
  showErrorBox: vi.fn((_title: string, _content: string) => {}),
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
}
export const shell = { openExternal: vi.fn(async (_url: string) => {}) }
export const protocol = { registerSchemesAsPrivileged: vi.fn((_schemes: unknown[]) => {}) }
export const contextBridge = { exposeInMainWorld: vi.fn((_key: string, _api: unknown) => {}) }
export const net = { isOnline: vi.fn(() => true) }

class FakeIpcRenderer extends EventEmitter {
  invoke = vi.fn(async (_channel: string, _input: unknown): Promise<unknown> => ({ ok: true, value: {} }))
}
export const ipcRenderer = new FakeIpcRenderer()

export const electronModule = {
  app,
  BrowserWindow: FakeBrowserWindow,
  Menu,
  dialog,
  shell,
  protocol,
  session,
  ipcMain,
  ipcRenderer,
  contextBridge,
  net,
}

/** Forgets everything recorded, between tests. */
export function resetFakeElectron(): void {
  vi.clearAllMocks()
  app.removeAllListeners()
  ipcRenderer.removeAllListeners()
  FakeBrowserWindow.instances = []
  Object.assign(appState, { isPackaged: false, userData: '', appPath: '', locale: 'en-US', singleInstance: true })
}

// -- reading what was recorded ----------------------------------------------

/** The listener ipcMain.handle got for `channel`. */
export function ipcHandlerFor(channel: string): (event: { senderFrame: FakeFrame | null }, input: unknown) => Promise<unknown> {
  const call = ipcMain.handle.mock.calls.find(([c]) => c === channel)
  if (!call) throw new Error(`no ipcMain handler for ${channel}`)
  return call[1] as never
}

/** The template of the menu set last. */
export function currentMenuTemplate(): MenuItem[] {
  const built = Menu.setApplicationMenu.mock.lastCall?.[0]
  if (!built) throw new Error('no application menu was set')
  return built.template as MenuItem[]
}

export interface MenuItem {
  id?: string
  label?: string
  role?: string
  type?: string
  checked?: boolean
  accelerator?: string
  submenu?: MenuItem[]
  click?: () => void
}

/** Depth-first search of a menu template by item id. */
export function findMenuItem(items: MenuItem[], id: string): MenuItem | undefined {
  for (const item of items) {
    if (item.id === id) return item
    const found = item.submenu ? findMenuItem(item.submenu, id) : undefined
    if (found) return found
  }
  return undefined
}

/** The listeners a fake emitter holds for `event`, for tests that call them with hand-made events. */
export function listenersOf(emitter: EventEmitter, event: string): ((...args: unknown[]) => void)[] {
  return emitter.listeners(event) as ((...args: unknown[]) => void)[]
}
