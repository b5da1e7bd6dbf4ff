import { expect, test } from "vitest";
import * as browser from "./browser/index.js";
import * as shared from "./exports.js";
import * as node from "./index.js";

test("exports of @unwind/client: the shared list, createClient, and the Node-only names", () => {
  expect(Object.keys(node).sort()).toMatchSnapshot();
  expect(Object.keys(node).filter((k) => !(k in shared))).toEqual(["createClient", "nodeCrypto"]);
});

test("exports of @unwind/client/browser: the same names, minus nodeCrypto, with its own createClient", () => {
  expect(Object.keys(browser).sort()).toEqual(
    Object.keys(node)
      .filter((k) => k !== "nodeCrypto")
      .sort(),
  );
  expect(browser.createClient).not.toBe(node.createClient);
  expect(browser.closePosition).toBe(node.closePosition);
});
