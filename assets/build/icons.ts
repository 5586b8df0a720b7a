// Renders assets/build/icon.svg into every icon the app and electron-builder use:
//   assets/icon.png              1024 px, the master PNG (also the Linux window icon)
//   assets/build/icons/NxN.png   the Linux icon set
//   assets/build/icon.icns       macOS (PNG-compressed entries, 16–1024 px)
//   assets/build/icon.ico        Windows (PNG-compressed entries, 16–256 px)
// Needs `rsvg-convert` (Debian: librsvg2-bin). Run: npx tsx assets/build/icons.ts
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const buildDir = import.meta.dirname
const assetsDir = resolve(buildDir, '..')
const svg = join(buildDir, 'icon.svg')

const render = (size: number): Buffer => execFileSync('rsvg-convert', ['-w', String(size), '-h', String(size), svg])

/** ICO: a directory of PNG images (valid since Windows Vista; 256 px is stored as size 0). */
export function icoOf(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2)
  header.writeUInt16LE(images.length, 4)
  let offset = 6 + 16 * images.length
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16)
    entry.writeUInt8(size >= 256 ? 0 : size, 0)
    entry.writeUInt8(size >= 256 ? 0 : size, 1)
    entry.writeUInt16LE(1, 4) // colour planes
    entry.writeUInt16LE(32, 6) // bits per pixel
    entry.writeUInt32LE(png.length, 8)
    entry.writeUInt32LE(offset, 12)
    offset += png.length
    return entry
  })
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)])
}

/** ICNS: `icns` + length, then type + length + PNG per entry. */
export function icnsOf(images: { type: string; png: Buffer }[]): Buffer {
  const chunks = images.map(({ type, png }) => {
    const head = Buffer.alloc(8)
    head.write(type, 0, 'ascii')
    head.writeUInt32BE(png.length + 8, 4)
    return Buffer.concat([head, png])
  })
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'ascii')
  head.writeUInt32BE(8 + chunks.reduce((n, c) => n + c.length, 0), 4)
  return Buffer.concat([head, ...chunks])
}

// macOS entry types by pixel size; the @2x types reuse the same pixels.
const icnsTypes: [string, number][] = [
  ['icp4', 16], ['icp5', 32], ['icp6', 64], ['ic07', 128], ['ic08', 256], ['ic09', 512], ['ic10', 1024],
  ['ic11', 32], ['ic12', 64], ['ic13', 256], ['ic14', 512],
]
const linuxSizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024]
const icoSizes = [16, 24, 32, 48, 64, 128, 256]

function main(): void {
  const sizes = [...new Set([...linuxSizes, ...icoSizes, ...icnsTypes.map(([, s]) => s)])]
  const png = new Map(sizes.map((size) => [size, render(size)]))
  const at = (size: number): Buffer => png.get(size) ?? render(size)

  writeFileSync(join(assetsDir, 'icon.png'), at(1024))
  const linuxDir = join(buildDir, 'icons')
  mkdirSync(linuxDir, { recursive: true })
  for (const size of linuxSizes) writeFileSync(join(linuxDir, `${size}x${size}.png`), at(size))
  writeFileSync(join(buildDir, 'icon.icns'), icnsOf(icnsTypes.map(([type, size]) => ({ type, png: at(size) }))))
  writeFileSync(join(buildDir, 'icon.ico'), icoOf(icoSizes.map((size) => ({ size, png: at(size) }))))
  console.log(`icons written from ${svg}`)
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main()
