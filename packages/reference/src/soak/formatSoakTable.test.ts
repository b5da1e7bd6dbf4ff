import { expect, it } from "vitest";
import { formatSoakTable } from "./formatSoakTable.js";

it("prints one row per load and its notes", () => {
  const text = formatSoakTable([
    {
      name: "kill-9-loop",
      answered: 1200,
      rssMaxBytes: 3 * 1048576,
      rssEndBytes: 1048576,
      lostAcknowledged: 0,
      notes: ["12 restarts"],
    },
  ]);
  expect(text).toMatchInlineSnapshot(`
    "load         answered  peak RSS  end RSS  lost acknowledged
    -----------  --------  --------  -------  -----------------
    kill-9-loop  1200      3.0 MiB   1.0 MiB  0
    kill-9-loop: 12 restarts
    "
  `);
});
