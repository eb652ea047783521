// `gws-rx/sim`: the embedded GWS simulator, for demos and for consumers' own tests. Named exports only.
export { startSimulator } from './server';
export type { GwsSimulator, SimMessage, SimulatorFaults, SimulatorOptions, SimulatorStats } from './server';
export { generateBurst, generateShift, play } from './scenario';
export type { BurstOptions, PlayOptions, ShiftOptions, TimedMessage } from './scenario';
export type { LiveChat, Resource, Snapshot, SnapshotList, TranscriptEntry, WorkbinSnapshot } from './state';
export { playSupervisor, supervisorLoad } from './supervisor';
export type { PlaySupervisorOptions, SupervisorLive, SupervisorLoad, SupervisorOptions } from './supervisor';
