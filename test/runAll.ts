// `npm test`: type-check, lint, build, then every suite — vitest (core, Electron glue with the
// electron module replaced, packaging), Playwright in Debian's Chromium against the preview host,
// and the Playwright `_electron` journey (skipped with a reason where no Electron binary exists).
// Ends with one line: `N passed, N failed, N skipped`.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const results = join(root, 'test-results')
const bin = (name: string): string => join(root, 'node_modules', '.bin', name)

interface Tally {
  passed: number
  failed: number
  skipped: number
}
const total: Tally = { passed: 0, failed: 0, skipped: 0 }

function run(label: string, command: string, args: string[]): boolean {
  console.log(`\n▶ ${label}: ${[command, ...args].map((a) => a.replace(root + '/', '')).join(' ')}`)
  const { status, error } = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env })
  if (error) console.error(error)
  return status === 0
}

/** A step that is not a test suite (type-check, build) counts as one check. */
function check(label: string, command: string, args: string[]): boolean {
  const ok = run(label, command, args)
  if (ok) total.passed += 1
  else total.failed += 1
  return ok
}

function readJson(path: string): Record<string, unknown> | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
  } catch {
    return null
  }
}

function vitestSuite(): void {
  const out = join(results, 'vitest.json')
  const ok = run('vitest', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`])
  const report = readJson(out)
  if (!report) {
    console.error('vitest wrote no report')
    total.failed += 1
    return
  }
  const n = (k: string): number => Number(report[k] ?? 0)
  total.passed += n('numPassedTests')
  total.failed += n('numFailedTests') + (ok || n('numFailedTests') > 0 ? 0 : 1)
  total.skipped += n('numPendingTests') + n('numTodoTests')
}

function playwrightSuite(label: string, config: string, reportFile: string): void {
  const out = join(results, reportFile)
  const ok = run(label, bin('playwright'), ['test', '--config', config], )
  const report = readJson(out)
  const stats = report?.stats as Record<string, number> | undefined
  if (!stats) {
    console.error(`${label} wrote no report at ${out}`)
    total.failed += 1
    return
  }
  total.passed += (stats.expected ?? 0) + (stats.flaky ?? 0)
  total.failed += (stats.unexpected ?? 0) + (ok || (stats.unexpected ?? 0) > 0 ? 0 : 1)
  total.skipped += stats.skipped ?? 0
}

rmSync(results, { recursive: true, force: true })
mkdirSync(results, { recursive: true })

check('type-check', bin('tsc'), ['--noEmit', '-p', '.'])
check('lint', bin('eslint'), ['--max-warnings=0', '.'])
const built = check('build', bin('electron-vite'), ['build'])
vitestSuite()
if (built) {
  playwrightSuite('playwright (chromium, preview host)', 'playwright.config.ts', 'e2e.json')
  if (existsSync(join(root, 'playwright.electron.config.ts'))) {
    playwrightSuite('playwright (_electron)', 'playwright.electron.config.ts', 'electron.json')
  }
} else {
  console.error('The build failed, so the end-to-end suites did not run.')
}

console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`)
process.exitCode = total.failed > 0 ? 1 : 0
