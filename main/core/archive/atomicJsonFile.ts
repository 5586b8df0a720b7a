// A lowdb adapter that survives crashes and power cuts: every save writes a temp file,
// fsyncs it, renames it over the old file and fsyncs the directory, so the file on disk is
// always the old state or the new one. lowdb's own JSONFile (steno) never fsyncs.
import { open, rename, readFile, unlink, mkdir } from 'node:fs/promises'
import { dirname, basename, join } from 'node:path'
import type { Adapter } from 'lowdb'
import type { z } from 'zod'
import { AppError } from '../errors'

export interface AtomicJsonFileOptions<T> {
  /** Checked on every read: a file of the wrong shape is an error, never silently accepted. */
  schema: z.ZodType<T>
  /** Pretty output is kept for small, human-inspected files only; big ones stay compact. */
  pretty?: boolean
  /** Injected by tests to simulate a full disk or an I/O error at a given step. */
  fs?: Partial<FsOps>
}

export interface FsOps {
  writeTemp(path: string, text: string): Promise<void>
  rename(from: string, to: string): Promise<void>
  syncDir(dir: string): Promise<void>
}

const realFs: FsOps = {
  async writeTemp(path, text) {
    const handle = await open(path, 'w', 0o600)
    try {
      await handle.writeFile(text, 'utf8')
      await handle.sync()
    } finally {
      await handle.close()
    }
  },
  rename,
  async syncDir(dir) {
    // Windows cannot open a directory for fsync; the rename is already durable there.
    if (process.platform === 'win32') return
    const handle = await open(dir, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  },
}

export class CorruptFileError extends AppError {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super('ARCHIVE_CORRUPT', `${basename(path)} cannot be read: ${reason}`, { file: basename(path) })
  }
}

/**
 * Reads and writes one JSON file atomically. Writes are serialised and collapse to the
 * newest data, like steno, but each one is durable before its promise resolves.
 */
export class AtomicJsonFile<T> implements Adapter<T> {
  readonly #path: string
  readonly #schema: z.ZodType<T>
  readonly #pretty: boolean
  readonly #fs: FsOps
  #writing: Promise<void> | null = null
  #pending: { data: T; waiters: { resolve: () => void; reject: (e: unknown) => void }[] } | null = null
  #tempCounter = 0

  constructor(path: string, options: AtomicJsonFileOptions<T>) {
    this.#path = path
    this.#schema = options.schema
    this.#pretty = options.pretty ?? false
    this.#fs = { ...realFs, ...options.fs }
  }

  get path(): string {
    return this.#path
  }

  /** null when the file does not exist; CorruptFileError when it cannot be parsed or has the wrong shape. */
  async read(): Promise<T | null> {
    let text: string
    try {
      text = await readFile(this.#path, 'utf8')
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw e
    }
    return this.parse(text)
  }

  parse(text: string): T {
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch (e) {
      throw new CorruptFileError(this.#path, (e as Error).message)
    }
    const parsed = this.#schema.safeParse(json)
    if (!parsed.success) throw new CorruptFileError(this.#path, parsed.error.issues[0]?.message ?? 'wrong shape')
    return parsed.data
  }

  write(data: T): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.#pending) {
        this.#pending.data = data
        this.#pending.waiters.push({ resolve, reject })
      } else {
        this.#pending = { data, waiters: [{ resolve, reject }] }
      }
      if (!this.#writing) this.#writing = this.#drain()
    })
  }

  async #drain(): Promise<void> {
    while (this.#pending) {
      const { data, waiters } = this.#pending
      this.#pending = null
      try {
        await this.#writeNow(data)
        for (const w of waiters) w.resolve()
      } catch (e) {
        for (const w of waiters) w.reject(e)
      }
    }
    this.#writing = null
  }

  async #writeNow(data: T): Promise<void> {
    const dir = dirname(this.#path)
    await mkdir(dir, { recursive: true })
    const text = this.#pretty ? JSON.stringify(data, null, 2) : JSON.stringify(data)
    const temp = join(dir, `.${basename(this.#path)}.${process.pid}.${++this.#tempCounter}.tmp`)
    try {
      await this.#fs.writeTemp(temp, text)
      await this.#fs.rename(temp, this.#path)
    } catch (e) {
      // A failed save must not leave temp files piling up beside the archive.
      await unlink(temp).catch(() => {})
      const code = (e as NodeJS.ErrnoException).code ?? 'EIO'
      throw new AppError('WRITE_FAILED', `Could not save ${basename(this.#path)}: ${code}`, { file: basename(this.#path), reason: code }, { cause: e })
    }
    await this.#fs.syncDir(dir)
  }
}
