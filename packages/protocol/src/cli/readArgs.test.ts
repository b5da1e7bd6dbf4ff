import { parseArgs } from "node:util";
import { describe, expect, test } from "vitest";
import { nodeMessages } from "./ArgMessages.js";
import { readArgs } from "./readArgs.js";

const options = {
  port: { type: "string" },
  only: { type: "string", multiple: true },
  "in-memory": { type: "boolean" },
  help: { type: "boolean", short: "h", stops: true },
} as const;

describe("readArgs", () => {
  test("reads --flag value, --flag=value, booleans, repeatable flags", () => {
    expect(
      readArgs(["--port", "0", "--in-memory", "--only=a", "--only", "b", "--port=1"], { options }),
    ).toEqual({
      ok: true,
      values: { port: "1", "in-memory": true, only: ["a", "b"] },
      positionals: [],
    });
  });

  test("a negative number is a value, the next flag is not", () => {
    expect(readArgs(["--port", "-5"], { options })).toMatchObject({ values: { port: "-5" } });
    expect(readArgs(["--port", "--in-memory"], { options })).toEqual({
      ok: false,
      problem: { kind: "missing-value", option: "--port", got: "--in-memory" },
      message: '--port expects a value, but got "--in-memory"',
    });
    expect(readArgs(["--port", "-h"], { options })).toMatchObject({
      message: '--port expects a value, but got "-h"',
    });
  });

  test.each([
    [["--port"], "--port expects a value, but got nothing"],
    [["--port="], '--port expects a value, but got ""'],
    [["--bogus"], 'unknown option "--bogus". Expected one of --port, --only, --in-memory, --help'],
    [["x"], 'unexpected argument "x". Expected options only (--port, --only, --in-memory, --help)'],
    [["--in-memory=1"], '--in-memory takes no value, but got "1". Expected --in-memory alone'],
  ])("house wording: %j -> %s", (argv, message) => {
    expect(readArgs(argv, { options })).toMatchObject({ ok: false, message });
  });

  test("the first problem in argument order wins, and a stopping flag ends reading", () => {
    expect(readArgs(["--bogus", "-h"], { options })).toMatchObject({
      problem: { kind: "unknown-option", option: "--bogus" },
    });
    expect(readArgs(["-h", "--bogus"], { options })).toEqual({
      ok: true,
      values: { help: true },
      positionals: [],
    });
  });

  test("options: positionals, the separator, empty values, repeats", () => {
    expect(readArgs(["a", "--", "b"], { options, allowPositionals: true })).toMatchObject({
      positionals: ["a", "b"],
    });
    expect(readArgs(["--", "--port", "2"], { options, skipSeparator: true })).toMatchObject({
      values: { port: "2" },
    });
    expect(readArgs(["--port="], { options, allowEmpty: true })).toMatchObject({
      values: { port: "" },
    });
    expect(readArgs(["--port", "1", "--port", "2"], { options, allowRepeats: false })).toEqual({
      ok: false,
      problem: { kind: "repeated", option: "--port", first: "1", second: "2" },
      message: '--port was given twice ("1" and "2"). Expected it once',
    });
  });

  test("a CLI words a problem its own way", () => {
    expect(
      readArgs(["--port"], { options, messages: { "missing-value": (p) => `${p.option}?` } }),
    ).toMatchObject({ message: "--port?" });
  });

  test.each([
    [["--bogus"], "Unknown option '--bogus'"],
    [["--port"], "Option '--port <value>' argument missing"],
    [["x"], "Unexpected argument 'x'. This command does not take positional arguments"],
    [["--in-memory=1"], "Option '--in-memory' does not take an argument"],
    [
      ["--port", "--in-memory"],
      "Option '--port' argument is ambiguous.\nDid you forget to specify the option argument for '--port'?\nTo specify an option argument starting with a dash use '--port=-XYZ'.",
    ],
  ])("node:util's wording: %j -> %s", (argv, message) => {
    expect(readArgs(argv, { options, messages: nodeMessages })).toMatchObject({ message });
    // The wording is node's own, as its strict mode throws it.
    expect(() => parseArgs({ args: argv, options, strict: true })).toThrow(message);
  });
});
