// The operations room: each operation a cold Observable confirmed by its notification. Named re-exports only.
export { agentStateOperation } from './agentStateOperation';
export { callOperation } from './callOperation';
export { chatOperation } from './chatOperation';
export { imSessionOperation } from './imSessionOperation';
export { emailOperation } from './emailOperation';
export { workitemOperation } from './workitemOperation';
export { GwsOperationError } from './GwsOperationError';
export type { OperationFailure } from './GwsOperationError';
export type { OperationEvent } from './confirm';
export type { OperationOptions, OperationTarget, ResourceRef } from './operation';
