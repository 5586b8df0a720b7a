// Bytes to base64 in the renderer, where Buffer does not exist. Works in slices so a 5 MB
// file never builds one argument list of five million numbers.
const sliceSize = 0x8000

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let start = 0; start < bytes.length; start += sliceSize) {
    binary += String.fromCharCode(...bytes.subarray(start, start + sliceSize))
  }
  return btoa(binary)
}
