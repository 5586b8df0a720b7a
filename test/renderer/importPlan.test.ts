import { describe, expect, it } from 'vitest'
import { base64Length, planImport } from '../../renderer/src/importPlan'
import { importLimits } from '../../renderer/src/importLimits'

const files = (...sizes: number[]) => sizes.map((size, i) => ({ name: `f${i}.txt`, size }))

describe('splitting a selection into import calls', () => {
  it('sends a small selection in one call, in the order chosen', () => {
    expect(planImport(files(10, 20, 30))).toEqual({ tooLarge: [], batches: [[0, 1, 2]] })
  })

  it('never puts more files in one call than main accepts', () => {
    const perCall = importLimits.maxFilesPerImport
    const plan = planImport(files(...Array.from({ length: 2 * perCall + 20 }, () => 100)))
    expect(plan.batches.map((b) => b.length)).toEqual([perCall, perCall, 20])
    expect(plan.batches.flat()).toEqual(Array.from({ length: 2 * perCall + 20 }, (_, i) => i))
  })

  it('starts a new call before the base64 of one call grows past the limit', () => {
    const big = importLimits.maxImportBytes // 5 MB → ~6.7 M base64 characters; three fit in 24 M, four do not
    const plan = planImport(files(big, big, big, big, big))
    expect(plan.batches).toEqual([[0, 1, 2], [3, 4]])
    for (const batch of plan.batches) {
      const chars = batch.length * base64Length(big)
      expect(chars).toBeLessThanOrEqual(importLimits.maxImportCallChars)
    }
  })

  it('sets aside files over the per-file limit and sends the rest', () => {
    const plan = planImport(files(importLimits.maxImportBytes + 1, 5, importLimits.maxImportBytes))
    expect(plan.tooLarge).toEqual([0])
    expect(plan.batches).toEqual([[1, 2]])
  })

  it('sends nothing for an empty selection', () => {
    expect(planImport([])).toEqual({ tooLarge: [], batches: [] })
  })

  it('counts base64 characters the way the contract measures them', () => {
    expect(base64Length(0)).toBe(0)
    expect(base64Length(1)).toBe(Buffer.from('a').toString('base64').length)
    expect(base64Length(5)).toBe(Buffer.from('abcde').toString('base64').length)
    expect(base64Length(6)).toBe(Buffer.from('abcdef').toString('base64').length)
  })
})
