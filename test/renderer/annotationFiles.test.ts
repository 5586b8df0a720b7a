import { describe, expect, it } from 'vitest'
import { annotationLimits } from '../../preload/contract'
import { maxAnnotationFileChars } from '../../renderer/src/annotations/annotationFiles'

describe('the annotation file limit the window checks before sending', () => {
  it('is the contract’s', () => {
    expect(maxAnnotationFileChars).toBe(annotationLimits.maxImportChars)
  })
})
