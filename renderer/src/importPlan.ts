// Splits a selection of files into import calls that stay within the contract's limits, and
// sets aside files too large to send at all, so main never has to refuse a whole call.
import { importLimits } from './importLimits'

export interface FileToPlan {
  name: string
  /** Bytes on disk. */
  size: number
}

export interface ImportPlan {
  /** Indexes (into the selection) of files over the per-file limit, never sent. */
  tooLarge: number[]
  /** Indexes of the files each call carries, in selection order. */
  batches: number[][]
}

/** Characters of base64 a file of `size` bytes becomes. */
export const base64Length = (size: number): number => 4 * Math.ceil(size / 3)

export function planImport(files: readonly FileToPlan[], limits = importLimits): ImportPlan {
  const tooLarge: number[] = []
  const batches: number[][] = []
  let current: number[] = []
  let currentChars = 0
  for (const [index, file] of files.entries()) {
    if (file.size > limits.maxImportBytes) {
      tooLarge.push(index)
      continue
    }
    const chars = base64Length(file.size)
    if (current.length > 0 && (current.length >= limits.maxFilesPerImport || currentChars + chars > limits.maxImportCallChars)) {
      batches.push(current)
      current = []
      currentChars = 0
    }
    current.push(index)
    currentChars += chars
  }
  if (current.length > 0) batches.push(current)
  return { tooLarge, batches }
}
