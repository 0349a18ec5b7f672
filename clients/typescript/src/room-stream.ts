import type { ChatEvent } from './frames.js';
import { postedEvent } from './frames.js';
import type { History, HistoryQuery } from './rest.js';

const GAP_GRACE_MS = 250;
const FILL_RETRY_MS = 1000;

/**
 * One room's event stream as the application sees it: messages in sequence order, each once.
 * The server may deliver a message twice (resume and event, ack and event) or out of order, and a
 * lost connection leaves holes; this closes them from REST history.
 */
export class RoomStream {
  /** Every message up to this sequence has been delivered. */
  highest: number;
  /** The highest sequence the server has told of (events, resumes). */
  private target: number;
  private readonly pending = new Map<number, ChatEvent>();
  /** Events about messages that have not been delivered yet (an edit racing its post). */
  private later: ChatEvent[] = [];
  private fillTimer: ReturnType<typeof setTimeout> | undefined;
  private filling = false;
  private fruitless = 0;
  private closed = false;

  constructor(
    readonly roomId: string,
    highest: number,
    private readonly deliver: (event: ChatEvent) => void,
    private readonly history: (roomId: string, query: HistoryQuery) => Promise<History>,
  ) {
    this.highest = highest;
    this.target = highest;
  }

  accept(event: ChatEvent): void {
    const seq = event.sequence;
    if (seq === undefined) {
      this.deliver(event);
      return;
    }
    this.target = Math.max(this.target, seq);
    if (event.event !== 'message.posted') {
      // The other message events are absolute states: only hold them until their message is in.
      if (seq <= this.highest) this.deliver(event);
      else {
        this.later.push(event);
        this.scheduleFill(GAP_GRACE_MS);
      }
      return;
    }
    if (seq <= this.highest || this.pending.has(seq)) return;
    this.pending.set(seq, event);
    this.drain();
    if (this.highest < this.target) this.scheduleFill(GAP_GRACE_MS);
  }

  /** What the server says the room has reached (a resume's `lastSequence`). */
  reached(lastSequence: number): void {
    this.target = Math.max(this.target, lastSequence);
    if (this.highest < this.target) this.scheduleFill(GAP_GRACE_MS);
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.fillTimer);
  }

  private drain(): void {
    let next = this.pending.get(this.highest + 1);
    while (next) {
      this.pending.delete(this.highest + 1);
      this.highest += 1;
      this.deliver(next);
      next = this.pending.get(this.highest + 1);
    }
    if (this.later.length > 0) {
      const limit = Math.max(this.highest, this.target === this.highest ? Infinity : 0);
      const ready = this.later.filter((e) => (e.sequence ?? 0) <= limit);
      this.later = this.later.filter((e) => (e.sequence ?? 0) > limit);
      ready.forEach((e) => this.deliver(e));
    }
  }

  /**
   * A sequence history does not return (a store lagging behind its event, or a message this
   * reader may not see) must not hold back everything after it forever.
   */
  private skipUnfillableGap(): void {
    this.fruitless += 1;
    if (this.fruitless < 3) return;
    this.fruitless = 0;
    if (this.pending.size > 0) this.highest = Math.min(...this.pending.keys()) - 1;
    else this.target = this.highest;
    this.drain();
  }

  private scheduleFill(delayMs: number): void {
    if (this.fillTimer !== undefined || this.filling || this.closed) return;
    this.fillTimer = setTimeout(() => {
      this.fillTimer = undefined;
      void this.fill();
    }, delayMs);
  }

  private async fill(): Promise<void> {
    this.filling = true;
    let failed = false;
    try {
      while (!this.closed && this.highest < this.target) {
        const page = await this.history(this.roomId, { after: this.highest, limit: 100 });
        const before = this.highest;
        for (const message of page.messages) {
          if (message.sequence > this.highest && !this.pending.has(message.sequence)) {
            this.pending.set(message.sequence, postedEvent(message));
          }
        }
        this.drain();
        if (this.highest === before) {
          this.skipUnfillableGap();
          break;
        }
        this.fruitless = 0;
      }
    } catch {
      failed = true;
    } finally {
      this.filling = false;
    }
    if (failed || this.highest < this.target) this.scheduleFill(FILL_RETRY_MS);
  }
}
