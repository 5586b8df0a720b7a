// Starting a worker thread from main's own modules, in the built app and from source alike.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'

/** tsx's ESM loader API, found from here rather than from wherever the process was started. */
function tsxApiUrl(): string {
  // require.resolve finds the CommonJS build; its ES module twin sits beside it.
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href
}

/**
 * A worker script next to the module at `moduleUrl`: the bundled `<name>.js` of the built app
 * (electron.vite.config.ts lists each one), else the `<name>.ts` source.
 */
export function workerFileBeside(moduleUrl: string, name: string): string {
  const built = fileURLToPath(new URL(`./${name}.js`, moduleUrl))
  return existsSync(built) ? built : fileURLToPath(new URL(`./${name}.ts`, moduleUrl))
}

/** Starts an unref'd worker whose heap is capped, so a runaway job cannot take main down. */
export function startWorker(file: string, options: { maxHeapMb: number; maxYoungMb?: number; workerData?: unknown }): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: options.maxHeapMb, ...(options.maxYoungMb ? { maxYoungGenerationSizeMb: options.maxYoungMb } : {}) }
  const settings = { resourceLimits, workerData: options.workerData }
  // The built app runs the bundled script. Source files (tests, the CLI, the preview host) are
  // loaded through tsx, registered inside the worker: Node 20 ignores --import in a worker's execArgv.
  const worker = file.endsWith('.ts')
    ? new Worker(
        `import(${JSON.stringify(tsxApiUrl())}).then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(file).href)}) })`,
        { eval: true, ...settings },
      )
    : new Worker(file, settings)
  worker.unref()
  return worker
}
