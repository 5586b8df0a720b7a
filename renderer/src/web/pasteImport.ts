// What Ctrl/Cmd+V outside a text field means to the archive: pasted files are imported, a
// pasted link is saved from the web, other text becomes a dispatch of its own. Kept free of
// the DOM's clipboard classes so the rules can be tested directly.
import { linkFromUriList, pastedLink } from './webAddress'

export interface PastedData<F> {
  files: readonly F[]
  /** text/plain, '' when absent. */
  text: string
  /** text/uri-list, '' when absent. */
  uriList: string
}

export type PasteAction<F> = { kind: 'files'; files: F[] } | { kind: 'url'; url: string } | { kind: 'text'; text: string } | { kind: 'none' }

export function classifyPaste<F>(data: PastedData<F>): PasteAction<F> {
  if (data.files.length > 0) return { kind: 'files', files: [...data.files] }
  const link = (data.uriList && linkFromUriList(data.uriList)) || pastedLink(data.text)
  if (link) return { kind: 'url', url: link }
  if (data.text.trim() !== '') return { kind: 'text', text: data.text }
  return { kind: 'none' }
}

const two = (n: number): string => String(n).padStart(2, '0')

/** "pasted-2024-10-04-171705.txt", in local time: sorts by when, and says where it came from. */
export function pastedFileName(now: Date): string {
  const day = `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`
  return `pasted-${day}-${two(now.getHours())}${two(now.getMinutes())}${two(now.getSeconds())}.txt`
}

/** Pasted text as a file the importer reads like any dispatch (UTF-8, as the clipboard gave it). */
export function pastedTextFile(text: string, now: Date): { name: string; size: number; arrayBuffer(): Promise<ArrayBuffer> } {
  const bytes = new TextEncoder().encode(text)
  return {
    name: pastedFileName(now),
    size: bytes.byteLength,
    arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  }
}
