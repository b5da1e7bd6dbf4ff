import { describe, expect, it } from "vitest";
import { PositionModel } from "./PositionModel.js";

describe("PositionModel", () => {
  it("averages growing fills, keeps the average on a partial reduction, restarts it on a flip", () => {
    const m = new PositionModel();
    m.fill("buy", "10", "50000");
    m.fill("buy", "10", "50001");
    expect([m.sizeText, m.averageText, m.realizedText]).toEqual(["20", "50000.5", "0"]);
    m.fill("sell", "10", "50002");
    expect([m.sizeText, m.averageText, m.realizedText]).toEqual(["10", "50000.5", "15"]);
    m.fill("sell", "30", "49999");
    expect([m.sizeText, m.averageText, m.realizedText]).toEqual(["-20", "49999", "0"]);
    m.fill("buy", "20", "49998");
    expect([m.sizeText, m.averageText, m.realizedText]).toEqual(["0", "0", "20"]);
  });

  it("prints an inexact average rounded half-up to 8 decimal places", () => {
    const m = new PositionModel();
    m.fill("sell", "1", "1");
    m.fill("sell", "2", "2");
    expect(m.averageText).toBe("1.66666667");
    expect(m.sizeText).toBe("-3");
  });
});
