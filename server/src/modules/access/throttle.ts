/**
 * Leaky buckets in cost points, in process memory. One server process is the
 * deployment unit here (PGlite is single-process anyway); with several
 * processes each would enforce its own bucket, which only loosens the limit
 * by the number of processes.
 */
export interface BucketState {
  /** Points that may still be spent right now. */
  available: number;
  capacity: number;
  /** Points restored per second. */
  restoreRate: number;
}

export interface Charge {
  ok: boolean;
  remaining: number;
  /** Seconds until `cost` points are available again (when !ok). */
  retryAfter: number;
}

/** The bucket refills completely in this many seconds. */
export const REFILL_SECONDS = 60;

export class LeakyBuckets {
  private readonly buckets = new Map<string, { level: number; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  private state(key: string, capacity: number): { level: number; at: number } {
    const rate = capacity / REFILL_SECONDS;
    const t = this.now();
    const b = this.buckets.get(key) ?? { level: capacity, at: t };
    b.level = Math.min(capacity, b.level + ((t - b.at) / 1000) * rate);
    b.at = t;
    this.buckets.set(key, b);
    return b;
  }

  /** Takes `cost` points if available; otherwise says how long to wait. */
  charge(key: string, capacity: number, cost: number): Charge {
    const b = this.state(key, capacity);
    if (cost <= b.level) {
      b.level -= cost;
      return { ok: true, remaining: Math.floor(b.level), retryAfter: 0 };
    }
    const rate = capacity / REFILL_SECONDS;
    return { ok: false, remaining: Math.floor(b.level), retryAfter: Math.max(1, Math.ceil((cost - b.level) / rate)) };
  }

  /** Gives back points charged up front but not used (actual below requested). */
  refund(key: string, capacity: number, points: number): number {
    const b = this.state(key, capacity);
    b.level = Math.min(capacity, b.level + Math.max(0, points));
    return Math.floor(b.level);
  }

  remaining(key: string, capacity: number): number {
    return Math.floor(this.state(key, capacity).level);
  }
}

/**
 * Failed sign-ins per e-mail and per client address: after MAX_FAILURES in
 * the window, further attempts are refused until the oldest failure ages out,
 * whether or not the password would be right.
 */
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  private recent(key: string): number[] {
    const t = this.now();
    const list = (this.failures.get(key) ?? []).filter((at) => t - at < LOGIN_WINDOW_MS);
    if (list.length > 0) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Seconds to wait before another attempt for any of the keys; 0 = go ahead. */
  retryAfter(keys: string[]): number {
    let wait = 0;
    for (const key of keys) {
      const list = this.recent(key);
      if (list.length >= LOGIN_MAX_FAILURES) wait = Math.max(wait, Math.ceil((list[0]! + LOGIN_WINDOW_MS - this.now()) / 1000));
    }
    return wait;
  }

  fail(keys: string[]): void {
    for (const key of keys) this.failures.set(key, [...this.recent(key), this.now()]);
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}
