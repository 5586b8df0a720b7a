// What a highlight is called where it is not seen: its mark's label and tooltip.
import type { AnchoredAnnotation } from '../../../preload/contract'
import type { Translate } from '../translationKeys'

/** Notes can be long; a label says how it begins. */
const NOTE_IN_LABEL = 120

export function markLabel(t: Translate, annotation: Pick<AnchoredAnnotation, 'colour' | 'note' | 'anchor'>): string {
  const colour = t(`annotations:colour.${annotation.colour}`).toLocaleLowerCase()
  const note = annotation.note.length > NOTE_IN_LABEL ? `${annotation.note.slice(0, NOTE_IN_LABEL - 1).trimEnd()}…` : annotation.note
  const approximate = annotation.anchor.status === 'placed-approximate'
  if (note === '') return t(approximate ? 'annotations:markLabelApproximate' : 'annotations:markLabel', { colour })
  return t(approximate ? 'annotations:markLabelApproximateWithNote' : 'annotations:markLabelWithNote', { colour, note: note.replace(/\s+/g, ' ') })
}
