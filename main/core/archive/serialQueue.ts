// Runs async tasks one after another. Each archive change applies itself in memory, saves,
// and undoes itself if the save fails; running changes to one file in turn keeps those undos
// exact (two changes sharing one failed save could otherwise undo each other in the wrong order).
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve()

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(task)
    this.#tail = result.catch(() => {})
    return result
  }

  /** Resolves once every task queued so far has finished, however it ended. */
  async idle(): Promise<void> {
    await this.#tail
  }
}
