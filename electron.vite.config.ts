// Builds the three Electron bundles into out/: main (ESM), preload (CommonJS, because a
// sandboxed preload cannot be an ES module) and the React renderer.
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

// Electron 45 runs Node 24 and Chromium 144+; electron-vite's own table stops at 44.
const nodeTarget = 'node24'
const chromeTarget = 'chrome144'

export default defineConfig({
  main: {
    build: {
      target: nodeTarget,
      // Beside main, the worker threads: one reads web pages (main/core/web/articleExtractor.ts),
      // one writes the bodies of a large search-index build (main/core/search/textPass.ts).
      rolldownOptions: {
        input: {
          index: resolve('main/electron/index.ts'),
          extractWorker: resolve('main/core/web/extractWorker.ts'),
          textPassWorker: resolve('main/core/search/textPassWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      target: nodeTarget,
      rolldownOptions: {
        input: { index: resolve('preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react()],
    build: {
      target: chromeTarget,
      outDir: resolve('out/renderer'),
      rolldownOptions: { input: resolve('renderer/index.html') },
    },
  },
})
