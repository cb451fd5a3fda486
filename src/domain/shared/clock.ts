/** The time progress and review are measured against. Tests of review scheduling move it forward. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
