// Hands a file to the person: a Blob behind an <a download>, which Chromium saves (the browser's
// download, Electron's save dialog) without any file-system access from the page.
export function downloadFile(fileName: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  // The download has its own copy once started; the URL can go a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
