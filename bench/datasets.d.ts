// Types for bench/datasets.js (plain JS, shared by the benchmark, the browser checks and the unit tests).
import type { Dataset } from "../src/model/types.js";

export function rng(seed: number): () => number;
/** `n` synthetic events (and the actors and sources they name), the same for the same seed. */
export function eventsDataset(n: number, seed?: number): Dataset;
/** `n` synthetic claims about a few subjects, the same for the same seed. */
export function claimsDataset(n: number, seed?: number): Dataset;
/** `n` synthetic promises, the same for the same seed. */
export function promisesDataset(n: number, seed?: number): Dataset;
export function plotRecords(kind: string, dataset: Dataset): Array<{ x: number | Date; lane: string }>;
