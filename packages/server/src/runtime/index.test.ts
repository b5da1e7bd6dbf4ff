import { expect, test } from "vitest";
import * as runtime from "./index.js";

test("exports of @unwind/server/runtime", () => {
  expect(Object.keys(runtime).sort()).toMatchSnapshot();
});
