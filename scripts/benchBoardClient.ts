// A board as one connected client holds it in the bench: loaded once, then brought up to date on
// every change notice the way the board view does (renderer/src/features/board/boardStore.ts):
// the plan of shared/boardSync.ts, the moved cards fetched and patched in.
import type { ChangeNotice } from '../shared/api/client';
import type { Board, BoardCards } from '../shared/api/methods/board';
import { boardRefreshFor, patchBoard } from '../shared/boardSync';

export class BoardClient {
  board: Board | null = null;
  /** Response bytes this client has fetched since it loaded. */
  bytes = 0;
  private waiters: { test: (b: Board) => boolean; done: () => void }[] = [];
  private lastSeq: number | null = null;
  private work: Promise<void> = Promise.resolve();

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

  notice(notice: ChangeNotice): void {
    const board = this.board;
    if (!board) return;
    const plan = boardRefreshFor(notice, { teamId: this.teamId, lastSeq: this.lastSeq, shows: (id) => board.cards.some((c) => c.id === id) });
    if (notice.seq >= 0) this.lastSeq = notice.seq;
    if (plan.kind === 'none') return;
    // One fetch at a time, in order, as the board store's sync loop.
    this.work = this.work.then(async () => {
      if (plan.kind === 'reload') this.set(await this.post<Board>('getBoard', { teamId: this.teamId }));
      else this.set(patchBoard(this.board!, plan.caseIds, await this.post<BoardCards>('getBoardCards', { teamId: this.teamId, caseIds: plan.caseIds })));
    });
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
