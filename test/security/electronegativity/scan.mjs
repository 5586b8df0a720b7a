// Runs Electronegativity over the Electron glue and the built preload and page, then checks each
// finding against reviewed.json, where every accepted finding is explained. Exits 1 on a finding
// nobody has reviewed. Usage (from the repo root, after `npm run build`):
//   npm --prefix test/security/electronegativity install && npm --prefix test/security/electronegativity run scan
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const here = import.meta.dirname
const repoRoot = resolve(here, '..', '..', '..')
const reviewed = JSON.parse(readFileSync(join(here, 'reviewed.json'), 'utf8'))

// What runs in or beside Electron. The built main bundle is left out: the scanner's parser
// stops at class private fields; the TypeScript sources it comes from are scanned instead.
const inputs = ['package.json', 'main/electron', 'preload/index.ts', 'out/preload/index.cjs', 'out/renderer/index.html']
const stage = mkdtempSync(join(tmpdir(), 'warta-electronegativity-'))
for (const input of inputs) {
  if (!existsSync(join(repoRoot, input))) throw new Error(`${input} is missing; run \`npm run build\` first`)
  cpSync(join(repoRoot, input), join(stage, input), { recursive: true })
}

const electronVersion = JSON.parse(readFileSync(join(repoRoot, 'node_modules', 'electron', 'package.json'), 'utf8')).version
const csv = join(stage, 'findings.csv')
// AvailableSecurityFixesGlobalCheck asks GitHub for Electron releases; offline it aborts the scan.
const run = spawnSync(
  join(here, 'node_modules', '.bin', 'electronegativity'),
  ['-i', stage, '-o', csv, '-r', '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck'],
  { encoding: 'utf8' },
)
if (run.status !== 0 || !existsSync(csv)) {
  console.error(run.stdout, run.stderr)
  throw new Error('electronegativity did not produce a report')
}

/** One CSV line into fields; fields may be "quoted" with "" escapes. */
function fields(line) {
  const out = []
  let field = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (field += '"'), i++
      else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') out.push(field.trim()), (field = '')
    else field += c
  }
  out.push(field.trim())
  return out
}

const [header, ...rows] = readFileSync(csv, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '')
const names = fields(header)
const findings = rows.map((row) => Object.fromEntries(fields(row).map((v, i) => [names[i], v])))
rmSync(stage, { recursive: true, force: true })

let unreviewed = 0
for (const f of findings) {
  const note = reviewed[f.issue]
  if (!note) unreviewed++
  console.log(`${note ? 'reviewed ' : 'NEW      '} ${f.issue} [${f.severity}/${f.confidence}] ${f.filename}:${f.location}`)
  console.log(`          ${note ?? f.description}`)
}
console.log(`\n${findings.length} finding(s), ${unreviewed} not reviewed`)
process.exitCode = unreviewed > 0 ? 1 : 0
