/** Requests to the worker that wait for its answer, matched by id (browser-made requests, code analyses). */
export class PendingReplies<T> {
  private nextId = 1;
  private readonly waiting = new Map<number, (answer: T) => void>();

  /** Sends a request under a fresh id (`send` posts it) and resolves with the answer to that id. */
  ask(send: (requestId: number) => void): Promise<T> {
    const requestId = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(requestId, resolve);
      send(requestId);
    });
  }

  answer(requestId: number, answer: T): void {
    this.waiting.get(requestId)?.(answer);
    this.waiting.delete(requestId);
  }

  /** Answers everything still waiting with `answer` (the worker that would have answered is gone). */
  answerAll(answer: T): void {
    for (const resolve of this.waiting.values()) resolve(answer);
    this.waiting.clear();
  }
}
