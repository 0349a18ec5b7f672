import type { components } from './generated/openapi.js';

export type Problem = components['schemas']['Problem'];
export type Violation = components['schemas']['Violation'];

/** A request the server refused, with the RFC 9457 problem document it answered. */
export class ParleyProblemError extends Error {
  readonly problem: Problem;
  /** Seconds from a `Retry-After` header (REST 429 and 503 only). */
  readonly retryAfterSeconds: number | undefined;

  constructor(problem: Problem, retryAfterSeconds?: number) {
    super(`${problem.status} ${problem.title}${problem.detail ? `: ${problem.detail}` : ''}`);
    this.name = 'ParleyProblemError';
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  get type(): string {
    return this.problem.type;
  }
  get title(): string {
    return this.problem.title;
  }
  get status(): number {
    return this.problem.status;
  }
  get detail(): string | undefined {
    return this.problem.detail;
  }
  /** Every field problem of a 400 (the problem's `violations`), empty otherwise. */
  get errors(): Violation[] {
    return this.problem.violations ?? [];
  }
}

/** Thrown to pending WebSocket requests when their connection ends before the answer. */
export class ConnectionLostError extends Error {
  constructor(message = 'the WebSocket connection ended before the answer arrived') {
    super(message);
    this.name = 'ConnectionLostError';
  }
}

export const PROBLEM_TYPE_PREFIX = 'https://parley.dev/problems/';

export function isProblemOfType(error: unknown, type: string): error is ParleyProblemError {
  return error instanceof ParleyProblemError && error.type === PROBLEM_TYPE_PREFIX + type;
}
