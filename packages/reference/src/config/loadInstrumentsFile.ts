import { readFileSync } from "node:fs";
import { type InstrumentConfig, loadInstruments } from "@unwind/engine";
import { checkCurrencies } from "./checkCurrencies.js";

/**
 * Reads an instruments file: a JSON array of instrument configs (or `{"instruments": [...]}`) as
 * the engine checks them, with currencies the spec lists; throws an Error listing every problem.
 */
export function loadInstrumentsFile(path: string): InstrumentConfig[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`could not read instruments file ${path}: ${(error as Error).message}`);
  }
  if (typeof json === "object" && json !== null && !Array.isArray(json) && "instruments" in json) {
    json = json.instruments;
  }
  const loaded = loadInstruments(json);
  const errors = loaded.ok
    ? checkCurrencies(loaded.instruments.map((i) => i.config))
    : loaded.errors;
  if (!loaded.ok || errors.length > 0) {
    throw new Error(`could not load instruments file ${path}:\n  ${errors.join("\n  ")}`);
  }
  return loaded.instruments.map((i) => i.config);
}
