export { arbitraries, type ArbitrariesOptions, type TaxqlArbitraries } from "./arbitraries.js";
export type { NearMiss } from "./near-miss.js";
export type { FastCheck } from "./fast-check.js";
