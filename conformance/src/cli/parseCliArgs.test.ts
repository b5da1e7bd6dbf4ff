import { describe, expect, it } from "vitest";
import { parseCliArgs } from "./parseCliArgs.js";

describe("parseCliArgs", () => {
  it("defaults: run everything over both transports against BTC-PERPETUAL", () => {
    expect(parseCliArgs([])).toEqual({
      command: "run",
      maker: {},
      taker: {},
      instrument: "BTC-PERPETUAL",
      transports: ["http", "ws"],
      only: [],
      skip: [],
      propertyRuns: 20,
      timeoutMs: 10_000,
      slow: false,
      reports: {},
    });
  });

  it("reads every flag", () => {
    const o = parseCliArgs([
      "--url=http://127.0.0.1:9",
      "--ws-url",
      "ws://127.0.0.1:9/ws",
      "--maker-id",
      "a",
      "--maker-secret",
      "b",
      "--taker-id",
      "c",
      "--taker-secret",
      "d",
      "--instrument",
      "ETH-PERPETUAL",
      "--transport",
      "ws",
      "--only",
      "envelope,close-order-shape",
      "--only",
      "schemas",
      "--skip",
      "fixtures",
      "--seed",
      "42",
      "--property-runs",
      "5",
      "--timeout",
      "2000",
      "--baseline",
      "b.txt",
      "--report",
      "json=r.json,junit=r.xml",
      "--report",
      "html=r.html",
    ]);
    expect(o).toMatchObject({
      url: "http://127.0.0.1:9",
      wsUrl: "ws://127.0.0.1:9/ws",
      maker: { id: "a", secret: "b" },
      taker: { id: "c", secret: "d" },
      instrument: "ETH-PERPETUAL",
      transports: ["ws"],
      only: ["envelope", "close-order-shape", "schemas"],
      skip: ["fixtures"],
      seed: 42,
      propertyRuns: 5,
      timeoutMs: 2000,
      baseline: "b.txt",
      reports: { json: "r.json", junit: "r.xml", html: "r.html" },
    });
    expect(parseCliArgs(["record", "--out", "fixtures"])).toMatchObject({
      command: "record",
      out: "fixtures",
    });
    expect(parseCliArgs(["--max-body-bytes", "1048576"]).maxBodyBytes).toBe(1_048_576);
    expect(parseCliArgs([]).maxBodyBytes).toBeUndefined();
    expect(parseCliArgs(["--slow"]).slow).toBe(true);
    expect(parseCliArgs(["--list"]).command).toBe("list");
    expect(parseCliArgs(["-h"]).command).toBe("help");
  });

  it.each([
    [["--transport", "udp"], '--transport expects http, ws or both, but got "udp"'],
    [["--seed", "x"], '--seed expects an integer >= 0, but got "x"'],
    [["--max-body-bytes", "10"], '--max-body-bytes expects an integer >= 64, but got "10"'],
    [["--url", "localhost"], '--url expects a URL like http://127.0.0.1:8080, but got "localhost"'],
    [["--url", "ws://x"], '--url expects a http: or https: URL, but got "ws://x"'],
    [["--report", "pdf=x"], '--report expects json=PATH, junit=PATH or html=PATH, but got "pdf=x"'],
    [["--ws-url", "ws://x"], "--ws-url needs --url"],
    [["record"], "record needs --out DIR"],
    [["--bogus"], "Unknown option '--bogus'"],
  ])("refuses %j: %s", (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});
