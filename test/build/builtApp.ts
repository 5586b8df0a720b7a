// The built bundles (out/) the packaging tests inspect. `npm test` builds first; run alone, a
// test builds them here (once, under a lock, as test files run in parallel) or fails saying why.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, rmdir } from 'node:fs/promises'
import { join } from 'node:path'
import { repoRoot } from '../helpers/tempArchive'

export const outDir = join(repoRoot, 'out')
export const builtFiles = {
  main: join(outDir, 'main', 'index.js'),
  preload: join(outDir, 'preload', 'index.cjs'),
  renderer: join(outDir, 'renderer', 'index.html'),
}

const isBuilt = (): boolean => Object.values(builtFiles).every((f) => existsSync(f))

export async function ensureBuilt(): Promise<void> {
  if (isBuilt()) return
  const lock = join(repoRoot, 'node_modules', '.warta-build-lock')
  for (let tries = 0; ; tries++) {
    try {
      await mkdir(lock)
      break
    } catch {
      if (tries > 600) throw new Error(`gave up waiting for ${lock}; remove it if no build is running`)
      await new Promise((r) => setTimeout(r, 500))
    }
  }
  try {
    if (isBuilt()) return
    const run = spawnSync(join(repoRoot, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: repoRoot, encoding: 'utf8' })
    if (run.status !== 0 || !isBuilt()) {
      throw new Error(`out/ is missing and \`electron-vite build\` failed (run \`npm run build\`):\n${run.stdout}\n${run.stderr}`)
    }
  } finally {
    await rmdir(lock)
  }
}
