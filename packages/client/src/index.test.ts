import { expect, test } from "vitest";
import * as browser from "./browser/index.js";
import * as node from "./index.js";

test("exports of @unwind/client", () => {
  expect(Object.keys(node).sort()).toMatchSnapshot();
});

test("exports of @unwind/client/browser: the same, minus nodeCrypto", () => {
  expect(Object.keys(browser).sort()).toMatchSnapshot();
  expect(Object.keys(node).filter((k) => !(k in browser))).toEqual(["nodeCrypto"]);
});
