/**
 * How one (operation, connections) cell of the benchmark is measured.
 *
 * A time window only measures what completes inside it: with c connections
 * each request waits for up to c others, so an operation whose probe takes
 * 3 s has no completion in a 4 s window at 10 connections, and a table of
 * zeros. Such cells are measured by a fixed number of requests instead,
 * each counted to its completion, and the number is sized from the probe so
 * one repetition stays within the mode's budget for slow cells.
 */

/** A duration window at the cell's own concurrency, or a fixed number of requests over `connections`. */
export type LoadPlan =
  | { kind: 'window'; seconds: number; connections: number }
  | { kind: 'count'; requests: number; connections: number };

export interface PlanSettings {
  /** Length of one measured window (seconds). */
  windowSec: number;
  /** Budget of one counted repetition (seconds), sized on the sequential probe latency. */
  slowRepSec: number;
  /** Smoke runs: this many requests per repetition whatever the latency. */
  amount?: number;
}

/** At most this many rounds of `connections` requests per counted repetition. */
const MAX_ROUNDS = 3;

/**
 * `probeMs` is the latency of one request on an otherwise idle server. With
 * c connections a request then takes at most about c × probeMs (the server
 * working through one request per connection in turn; it usually does
 * better by overlapping them), so a window at least four times that long is
 * dominated by completions rather than by its start and end.
 */
export function planCell(s: PlanSettings, probeMs: number, connections: number): LoadPlan {
  if (s.amount) return { kind: 'count', requests: s.amount, connections: Math.min(connections, s.amount) };
  const roundMs = connections * Math.max(probeMs, 0.1);
  if (roundMs * 4 <= s.windowSec * 1000) return { kind: 'window', seconds: s.windowSec, connections };
  const budgetMs = s.slowRepSec * 1000;
  if (roundMs <= budgetMs) {
    return { kind: 'count', requests: connections * Math.min(MAX_ROUNDS, Math.floor(budgetMs / roundMs)), connections };
  }
  // Not even one request per connection fits: fewer connections (at least two, so the server is never idle between requests).
  const c = Math.min(connections, Math.max(2, Math.floor(budgetMs / probeMs)));
  return { kind: 'count', requests: c, connections: c };
}

/** Expected length of one repetition by the sequential estimate (seconds); counted repetitions are stopped at a multiple of it. */
export function expectedSeconds(plan: LoadPlan, probeMs: number): number {
  return plan.kind === 'window' ? plan.seconds : (plan.requests * probeMs) / 1000;
}

export const describePlan = (plan: LoadPlan, reps: number, connections: number): string =>
  plan.kind === 'window'
    ? `${reps} × ${plan.seconds} s`
    : `${reps} × ${plan.requests} req${plan.connections < connections ? ` on ${plan.connections} conns` : ''}`;
