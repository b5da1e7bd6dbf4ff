export {
  type AuthGrant,
  type AuthParams,
  ReferenceAuth,
  type ReferenceAuthOptions,
} from "./auth/ReferenceAuth.js";
export type { IssuedTokens, TokenGrant } from "./auth/TokenStore.js";
export type { ApiKey } from "./config/ApiKey.js";
export { defaultAccountsPath, loadAccountsFile } from "./config/loadAccountsFile.js";
export { loadInstrumentsFile } from "./config/loadInstrumentsFile.js";
export {
  type AccountsFile,
  type ParseAccountsResult,
  parseAccounts,
} from "./config/parseAccounts.js";
export { createHandlers, type HandlerDeps } from "./handlers/createHandlers.js";
export type { Handler, ReferenceHandlers } from "./handlers/ReferenceHandlers.js";
export { DataDirError } from "./journal/DataDirError.js";
export { DurableJournal } from "./journal/DurableJournal.js";
export { FileJournal, type FileJournalOptions } from "./journal/FileJournal.js";
export type { Journal } from "./journal/Journal.js";
export { MemoryJournal } from "./journal/MemoryJournal.js";
export { type OpenDataDirOptions, type OpenedDataDir, openDataDir } from "./journal/openDataDir.js";
export { type JournalDirContent, readJournalDir } from "./journal/readJournalDir.js";
export { type ScanProblem, type ScanResult, scanRecords } from "./journal/scanRecords.js";
export {
  type ReferenceServer,
  type ReferenceServerOptions,
  startReferenceServer,
  type WrapContext,
} from "./startReferenceServer.js";
