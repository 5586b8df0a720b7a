import { describe, expect, it } from 'vitest'
import { limits } from '../../preload/contract'
import { importLimits, maxImportMegabytes } from '../../renderer/src/importLimits'

describe('the renderer’s copy of the import limits', () => {
  it('matches the contract, so the window never sends a call main would refuse', () => {
    for (const [key, value] of Object.entries(importLimits)) {
      expect(limits[key as keyof typeof limits], key).toBe(value)
    }
  })

  it('states the per-file limit in whole megabytes for the message a person sees', () => {
    expect(Number.isInteger(maxImportMegabytes)).toBe(true)
    expect(maxImportMegabytes * 1024 * 1024).toBe(limits.maxImportBytes)
  })
})
