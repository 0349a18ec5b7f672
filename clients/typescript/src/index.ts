export { ParleyClient } from './client.js';
export type { ConnectionState, Disconnect, ParleyOptions } from './client.js';
export type { ChatEvent } from './frames.js';
export { ConnectionLostError, ParleyProblemError } from './problem.js';
export type { Problem, Violation } from './problem.js';
export { RestClient } from './rest.js';
export type * from './rest.js';
export type { components, operations, paths } from './generated/openapi.js';
