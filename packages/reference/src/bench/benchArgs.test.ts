import { expect, test } from "vitest";
import { parseBenchArgs } from "./benchArgs.js";

test("no arguments: every phase, two rounds", () => {
  expect(parseBenchArgs([])).toEqual({ only: undefined, rounds: 2, pin: false, help: false });
});

test("--only fanout --rounds 5 --pin", () => {
  expect(parseBenchArgs(["--only", "fanout", "--rounds", "5", "--pin"])).toEqual({
    only: "fanout",
    rounds: 5,
    pin: true,
    help: false,
  });
});

test("--help", () => {
  expect(parseBenchArgs(["--help"]).help).toBe(true);
});

test("bad values say what was expected and what came", () => {
  expect(() => parseBenchArgs(["--only", "journal"])).toThrow(
    '--only: expected "fanout", got "journal"',
  );
  expect(() => parseBenchArgs(["--rounds", "0"])).toThrow(
    '--rounds: expected an integer from 1 to 20, got "0"',
  );
  expect(() => parseBenchArgs(["--rounds", "2.5"])).toThrow('got "2.5"');
  expect(() => parseBenchArgs(["--rounds", "21"])).toThrow('got "21"');
});

test("an unknown option is refused", () => {
  expect(() => parseBenchArgs(["--fast"])).toThrow(/--fast/);
});
