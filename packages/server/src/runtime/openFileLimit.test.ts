import { describe, expect, it } from "vitest";
import { openFileLimit } from "./openFileLimit.js";

const limits = `Limit                     Soft Limit           Hard Limit           Units
Max processes             63382                63382                processes
Max open files            1024                 524288               files
Max locked memory         8388608              8388608              bytes
`;

describe("openFileLimit", () => {
  it("reads the soft limit on open files", () => {
    expect(openFileLimit(() => limits)).toBe(1024);
  });

  it("is undefined when unlimited or unreadable", () => {
    expect(openFileLimit(() => limits.replace(/1024 /, "unlimited"))).toBeUndefined();
    expect(
      openFileLimit(() => {
        throw new Error("no /proc");
      }),
    ).toBeUndefined();
  });

  it("reads this process's limit on Linux", () => {
    if (process.platform === "linux") expect(openFileLimit()).toBeGreaterThan(0);
  });
});
