/** Spec §1: the phases a pull request's cycle time splits into, in order (the panel's phase chart reads them too). */
export const PHASES = ['coding', 'pickup', 'review', 'deploy'] as const;
export type Phase = (typeof PHASES)[number];
