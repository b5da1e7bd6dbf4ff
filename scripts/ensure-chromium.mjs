// The browser tests (client in a page, the conformance HTML report) drive Debian's Chromium through
// playwright-core. A fresh machine does not have it: install it once with apt-get when we can.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (existsSync(CHROMIUM)) process.exit(0);
const canApt =
  process.platform === "linux" && process.getuid?.() === 0 && existsSync("/usr/bin/apt-get");
if (!canApt) {
  console.warn(
    `unwind: ${CHROMIUM} not found and apt-get is not usable here; the browser tests will fail.\n` +
      "  Install Chromium (Debian: apt-get install chromium) or set CHROMIUM_PATH.",
  );
  process.exit(0);
}
console.log("unwind: installing Debian's chromium for the browser tests (once) ...");
const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"], {
  stdio: "inherit",
  env,
});
