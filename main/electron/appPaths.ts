// Where the app's own files are, the same way in a checkout (`electron .`) and in a package
// (resources/app.asar): the bundles sit next to each other under out/, everything else is
// relative to the app path.
import { join } from 'node:path'

export interface AppPaths {
  /** out/preload/index.cjs — CommonJS, as a sandboxed preload must be. */
  preload: string
  /** out/renderer, served by the app protocol. */
  rendererDir: string
  /** assets/samples, packaged into app.asar. */
  samplesDir: string
  /** The window icon on Linux (Windows and macOS take the executable's). */
  icon: string
  windowStateFile: string
}

/** `mainDir` is the folder of the built main bundle (out/main); `appPath` is app.getAppPath(). */
export function appPaths(options: { mainDir: string; appPath: string; userData: string }): AppPaths {
  const { mainDir, appPath, userData } = options
  return {
    preload: join(mainDir, '..', 'preload', 'index.cjs'),
    rendererDir: join(mainDir, '..', 'renderer'),
    samplesDir: join(appPath, 'assets', 'samples'),
    icon: join(appPath, 'assets', 'icon.png'),
    windowStateFile: join(userData, 'window-state.json'),
  }
}
