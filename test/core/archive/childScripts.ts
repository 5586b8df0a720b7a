// Runs a TypeScript file in a separate Node process and follows its output line by line, for
// tests that need a second real process: lock holders, crashing writers. Through tsx for a
// few processes; pre-bundled (esbuild) when a script is started hundreds of times, since
// tsx's start-up would otherwise dominate the run.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { build } from 'esbuild'

export const repoRoot = resolve(import.meta.dirname, '../../..')

export interface TsxChild {
  process: ChildProcess
  /** Every stdout line so far. */
  lines: string[]
  /** Resolves with the first line (already seen or future) matching `pattern`; rejects if the process exits first. */
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<string>
  /** Resolves with the exit code (or signal name) once the process has exited and its output is read. */
  exited: Promise<number | string>
  stderr: () => string
}

/** Bundles a script and everything it imports into one .mjs file in a temp dir; returns its path. */
export async function bundleScript(script: string): Promise<string> {
  const outfile = join(await mkdtemp(join(tmpdir(), 'warta-bundle-')), 'script.mjs')
  await build({
    entryPoints: [resolve(repoRoot, script)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'warning',
    // Some dependencies still call require(); give the ES module one.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  })
  return outfile
}

export interface SpawnOptions {
  /** A bundle from bundleScript to run instead of `script` through tsx. */
  bundled?: string
  /** Runs the process under this command (e.g. strace and its options). */
  wrapper?: string[]
}

export function spawnTsx(script: string, args: string[], options: SpawnOptions = {}): TsxChild {
  const nodeArgs = options.bundled ? [options.bundled, ...args] : ['--import', 'tsx', resolve(repoRoot, script), ...args]
  const [command, ...commandArgs] = [...(options.wrapper ?? []), process.execPath, ...nodeArgs] as [string, ...string[]]
  const child = spawn(command, commandArgs, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] })
  const lines: string[] = []
  const listeners = new Set<() => void>()
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const reader = createInterface({ input: child.stdout as NodeJS.ReadableStream })
  reader.on('line', (line) => {
    lines.push(line)
    for (const l of listeners) l()
  })
  let done = false
  const exited = new Promise<number | string>((resolveExit) => {
    let code: number | string | null = null
    let streamClosed = false
    const finish = (): void => {
      if (code === null || !streamClosed) return
      done = true
      for (const l of listeners) l()
      resolveExit(code)
    }
    reader.on('close', () => {
      streamClosed = true
      finish()
    })
    child.on('exit', (c, signal) => {
      code = c ?? signal ?? -1
      finish()
    })
  })
  const waitFor = (pattern: RegExp, timeoutMs = 60_000): Promise<string> =>
    new Promise((resolveLine, reject) => {
      const timer = setTimeout(() => {
        listeners.delete(check)
        reject(new Error(`timed out waiting for ${pattern} from ${script}; stdout: ${lines.join(' | ')}; stderr: ${stderr}`))
      }, timeoutMs)
      function check(): void {
        const found = lines.find((l) => pattern.test(l))
        if (found !== undefined || done) {
          clearTimeout(timer)
          listeners.delete(check)
          if (found !== undefined) resolveLine(found)
          else reject(new Error(`${script} exited before printing ${pattern}; stdout: ${lines.join(' | ')}; stderr: ${stderr}`))
        }
      }
      listeners.add(check)
      check()
    })
  return { process: child, lines, waitFor, exited, stderr: () => stderr }
}
