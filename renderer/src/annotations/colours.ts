// The highlight colours in the order the toolbar offers them; the contract's list, restated
// here because the renderer imports the contract's types only. tsc checks the two agree.
import type { AnnotationColour } from '../../../preload/contract'

export const colours = ['yellow', 'green', 'blue', 'pink'] as const satisfies readonly AnnotationColour[]

/** Fails to compile when the contract gains a colour this list lacks. */
type Exhaustive<Missing extends never> = Missing
export type AllColoursListed = Exhaustive<Exclude<AnnotationColour, (typeof colours)[number]>>
