// Remembers the main window's size (not its position, which may be on a screen that is gone).
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'

export interface WindowSize {
  width: number
  height: number
  maximized: boolean
}

export const defaultWindowSize: WindowSize = Object.freeze({ width: 1200, height: 800, maximized: false })
export const minWindowSize = Object.freeze({ width: 640, height: 480 })
const maxSide = 16_384

const validSide = (n: unknown, min: number): n is number => typeof n === 'number' && Number.isInteger(n) && n >= min && n <= maxSide

/** The saved size, or the default when the file is missing, unreadable or not a size. */
export async function loadWindowSize(file: string): Promise<WindowSize> {
  try {
    const saved = JSON.parse(await readFile(file, 'utf8')) as Partial<Record<keyof WindowSize, unknown>>
    if (!validSide(saved.width, minWindowSize.width) || !validSide(saved.height, minWindowSize.height)) return defaultWindowSize
    return { width: saved.width, height: saved.height, maximized: saved.maximized === true }
  } catch {
    return defaultWindowSize
  }
}

export async function saveWindowSize(file: string, size: WindowSize): Promise<void> {
  await mkdir(dirname(file), { recursive: true })
  const temp = `${file}.${process.pid}.tmp`
  await writeFile(temp, JSON.stringify(size))
  await rename(temp, file)
}
