// The capabilities the simulator publishes for each state of a resource, so that they change with the state as on
// GWS (a Held call lists Retrieve, not Hold). Scenarios and operations both use them; a state not listed has none.

/** The capabilities of a chat in each state, as the simulator publishes them (an unlisted state has none). */
export const chatCapabilities: Readonly<Record<string, readonly string[]>> = {
  Invited: ['Accept', 'Reject'],
  Accepted: ['Complete', 'Leave'],
  Chatting: [
    'Transfer',
    'Leave',
    'Invite',
    'Consult',
    'Complete',
    'SendMessage',
    'SendUrl',
    'SendCustomNotice',
    'SendStartTypingNotification',
    'SendStopTypingNotification',
  ],
};

const userDataCapabilities = ['AttachUserData', 'UpdateUserData', 'DeleteUserData', 'DeleteUserDataPair'];
const transfers = ['InitiateTransfer', 'InitiateConference', 'SingleStepTransfer', 'SingleStepConference'];

/** The capabilities of a call in each state, as the simulator publishes them (an unlisted state has none). */
export const callCapabilities: Readonly<Record<string, readonly string[]>> = {
  Ringing: ['Answer', ...userDataCapabilities],
  Dialing: ['Hangup', ...userDataCapabilities],
  Established: ['Hold', 'Hangup', ...transfers, ...userDataCapabilities],
  Held: ['Retrieve', 'Hangup', ...transfers, ...userDataCapabilities],
};

/** The capabilities of an IM session in each state, as the simulator publishes them (an unlisted state has none). */
export const imSessionCapabilities: Readonly<Record<string, readonly string[]>> = {
  Invited: ['Accept', 'Reject'],
  Talking: ['Complete', 'SendMessage'],
};

/** The capabilities of a workitem in each state (an unlisted state has none). */
export const workitemCapabilities: Readonly<Record<string, readonly string[]>> = {
  Invited: ['Accept', 'Reject'],
  Processing: ['Complete', 'Transfer', 'AttachUserData', 'UpdateUserData'],
};

/** The capabilities of an email in each state (an unlisted state has none); Composing is an outbound email. */
export const emailCapabilities: Readonly<Record<string, readonly string[]>> = {
  Invited: ['Accept', 'Reject'],
  Processing: ['Complete', 'Reply', 'Transfer', 'AttachUserData', 'UpdateUserData'],
  Composing: ['Send', 'Save', 'Cancel'],
};
