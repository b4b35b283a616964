/**
 * fast-check as every property test uses it: import fc from here, never from 'fast-check' itself.
 * Each run uses one recorded seed, so a failure seen once is seen again on the next run and on any
 * machine. On failure fast-check prints the seed and the path of the smallest counterexample
 * ("{ seed: 20220715, path: "12:3", … }"); to explore other cases run with another seed:
 * FC_SEED=12345 npx jest tests/core/read/deadline.property.test.ts
 */
import fc from 'fast-check';

/** The seed of every property in this run: FC_SEED, else the recorded one. */
export const SEED = process.env.FC_SEED !== undefined && process.env.FC_SEED !== '' ? Number(process.env.FC_SEED) : 20220715;
if (!Number.isInteger(SEED)) throw new Error('FC_SEED must be an integer, not "' + process.env.FC_SEED + '"');

fc.configureGlobal({ seed: SEED });

export default fc;
