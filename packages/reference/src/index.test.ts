import { expect, test } from "vitest";
import * as reference from "./index.js";

test("exports", () => {
  expect(Object.keys(reference).sort()).toMatchInlineSnapshot(`
    [
      "DataDirError",
      "DurableJournal",
      "FileJournal",
      "MemoryJournal",
      "ReferenceAuth",
      "createHandlers",
      "defaultAccountsPath",
      "loadAccountsFile",
      "loadInstrumentsFile",
      "openDataDir",
      "parseAccounts",
      "readJournalDir",
      "scanRecords",
      "startReferenceServer",
    ]
  `);
});
