import { expect, test } from "vitest";
import { methods } from "../generated/methods.js";
import { isPrivateMethod } from "./isPrivateMethod.js";

test("reads the generated table's auth: private/close_position is private, public/test is not", () => {
  expect(isPrivateMethod(methods, "private/close_position")).toBe(true);
  expect(isPrivateMethod(methods, "/private/close_position")).toBe(true);
  expect(isPrivateMethod(methods, "public/test")).toBe(false);
});

test("the table decides, not the name's prefix", () => {
  const table = {
    "public/whoami": { auth: { private: true } },
    "private/open_data": { auth: { private: false } },
    "private/no_auth_entry": {},
  };
  expect(isPrivateMethod(table, "public/whoami")).toBe(true);
  expect(isPrivateMethod(table, "private/open_data")).toBe(false);
  expect(isPrivateMethod(table, "private/no_auth_entry")).toBe(false);
  expect(isPrivateMethod(table, "private/not_in_the_table")).toBe(false);
});
