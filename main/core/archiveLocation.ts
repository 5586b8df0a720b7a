// Where the archive lives when nobody says otherwise: the same folder Electron's
// `app.getPath('userData')` gives the app named "Warta", so the CLI and the app share it.
import { homedir } from 'node:os'
import { join } from 'node:path'

export const APP_NAME = 'Warta'
export const ARCHIVE_DIR_ENV = 'WARTA_ARCHIVE_DIR'

export function userDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME)
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), APP_NAME)
}

/** An explicit directory wins, then WARTA_ARCHIVE_DIR, then the app's own folder. */
export function resolveArchiveDir(explicit?: string, userData: string = userDataDir()): string {
  return explicit ?? process.env[ARCHIVE_DIR_ENV] ?? join(userData, 'archive')
}
