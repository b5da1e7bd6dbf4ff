import { expect, test } from "vitest";
import * as runtime from "./index.js";

test("exports of @unwind/client/runtime", () => {
  expect(Object.keys(runtime).sort()).toMatchSnapshot();
});
