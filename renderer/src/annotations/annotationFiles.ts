// The contract's size limit for an annotation file, restated because the renderer imports the
// contract's types only; test/renderer/annotationFiles.test.ts keeps the two equal. Checked
// before sending, so a huge file is refused with a message instead of a failed call.
export const maxAnnotationFileChars = 20 * 1024 * 1024
