// The few contract limits the renderer needs before it sends anything. The renderer may import
// the contract for types only, so the numbers are repeated here; a test keeps them equal.
export const importLimits = {
  /** Largest single file an importer accepts (bytes, before decoding). */
  maxImportBytes: 5 * 1024 * 1024,
  /** Most files in one import call. */
  maxFilesPerImport: 100,
  /** Most base64 characters in one import call. */
  maxImportCallChars: 24 * 1024 * 1024,
  /** Longest title renameArticle accepts. */
  maxTitleLength: 300,
  /** Largest page listArticles returns. */
  maxPageSize: 500,
} as const

/** The per-file limit in whole megabytes, for messages. */
export const maxImportMegabytes = importLimits.maxImportBytes / (1024 * 1024)
