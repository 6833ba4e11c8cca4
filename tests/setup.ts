/**
 * fast-check runs from a fixed seed, so a CI run is repeatable: a property
 * that fails, fails every time, with the seed and the shrunk case printed.
 * Explore new cases locally with another seed: `FC_SEED=$RANDOM npx vitest run`.
 */
import fc from "fast-check";

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20251202) });
