// PLACEHOLDER (replaced by the simulator work): the embedded GWS simulator, exported as `gws-rx/sim`.
export const simulatorVersion = 0;
