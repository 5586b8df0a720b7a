// Sends a selection of files to main in as many import calls as the limits need, and returns
// one outcome per file in the order chosen. A file over the size limit is refused here, with
// the same TOO_LARGE error main would give, without being read or sent.
import type { AppErrorData, ImportOutcome, Result } from '../../preload/contract'
import { bytesToBase64 } from './base64'
import { importLimits, maxImportMegabytes } from './importLimits'
import { planImport } from './importPlan'

export interface SelectedFile {
  name: string
  size: number
  arrayBuffer(): Promise<ArrayBuffer>
}

export type SendImport = (files: { name: string; contentBase64: string }[]) => Promise<Result<{ outcomes: ImportOutcome[] }>>

export function tooLargeError(name: string): AppErrorData {
  return {
    code: 'TOO_LARGE',
    message: `${name} is larger than ${maxImportMegabytes} MB`,
    params: { name, maxMegabytes: maxImportMegabytes },
  }
}

export async function importSelection(files: readonly SelectedFile[], send: SendImport): Promise<ImportOutcome[]> {
  const outcomes: (ImportOutcome | undefined)[] = files.map(() => undefined)
  const plan = planImport(files, importLimits)
  for (const index of plan.tooLarge) {
    const file = files[index] as SelectedFile
    outcomes[index] = { status: 'failed', name: file.name, error: tooLargeError(file.name) }
  }
  for (const batch of plan.batches) {
    const chosen = batch.map((index) => files[index] as SelectedFile)
    const encoded = await Promise.all(
      chosen.map(async (file) => ({ name: file.name, contentBase64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) })),
    )
    const result = await send(encoded)
    for (const [i, index] of batch.entries()) {
      const name = (chosen[i] as SelectedFile).name
      outcomes[index] = result.ok
        ? (result.value.outcomes[i] ?? { status: 'failed', name, error: { code: 'INTERNAL', message: 'no outcome returned' } })
        : { status: 'failed', name, error: result.error }
    }
  }
  return outcomes as ImportOutcome[]
}
