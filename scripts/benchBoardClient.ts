// A board as one connected client holds it in the bench: loaded once, then brought up to date on
// every change notice the way the board view does.
import type { ChangeNotice } from '../shared/api/client';
import type { Board } from '../shared/api/methods/board';

export class BoardClient {
  board: Board | null = null;
  /** Response bytes this client has fetched since it loaded. */
  bytes = 0;
  private waiters: { test: (b: Board) => boolean; done: () => void }[] = [];
  private pending: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly url: string, private readonly cookie: string, private readonly teamId: number) {}

  private async post<T>(method: string, input: unknown): Promise<T> {
    const res = await fetch(`${this.url}api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: this.cookie }, body: JSON.stringify(input) });
    const text = await res.text();
    this.bytes += text.length;
    const envelope = JSON.parse(text) as { ok: true; value: T } | { ok: false; error: unknown };
    if (!envelope.ok) throw new Error(`${method} failed: ${JSON.stringify(envelope.error)}`);
    return envelope.value;
  }

  async load(): Promise<void> {
    this.set(await this.post<Board>('getBoard', { teamId: this.teamId }));
    this.bytes = 0;
  }

  notice(_notice: ChangeNotice): void {
    // As renderer/src/stores/live.ts: bursts coalesce for 150 ms, then the whole board reloads.
    clearTimeout(this.pending);
    this.pending = setTimeout(() => void this.post<Board>('getBoard', { teamId: this.teamId }).then((b) => this.set(b)), 150);
  }

  until(test: (b: Board) => boolean): Promise<void> {
    if (this.board && test(this.board)) return Promise.resolve();
    return new Promise((done) => this.waiters.push({ test, done }));
  }

  private set(board: Board): void {
    this.board = board;
    this.waiters = this.waiters.filter((w) => (w.test(board) ? (w.done(), false) : true));
  }
}
