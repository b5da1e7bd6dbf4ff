export { authChecks } from "./checks/authChecks.js";
export { closeOrderProblem } from "./checks/closeOrderProblem.js";
export {
  closePositionChecks,
  isolationChecks,
  reduceOnlyChecks,
} from "./checks/closePositionChecks.js";
export { checkEnvelope, envelopeChecks } from "./checks/envelopeChecks.js";
export { expectError, expectResult } from "./checks/expectations.js";
export { fixtureChecks } from "./checks/fixtureChecks.js";
export { paramChecks } from "./checks/paramChecks.js";
export { propertyChecks } from "./checks/propertyChecks.js";
export { protocolChecks } from "./checks/protocolChecks.js";
export { publicMethodChecks } from "./checks/publicMethodChecks.js";
export { checkTrafficSchemas, trafficSchemaChecks } from "./checks/trafficSchemaChecks.js";
export { type CliOptions, parseCliArgs, usage } from "./cli/parseCliArgs.js";
export { type CliIo, runCli } from "./cli/runCli.js";
export { type ReferenceProcess, startReferenceProcess } from "./cli/startReferenceProcess.js";
export { UsageError } from "./cli/UsageError.js";
export type { AccountCredentials, Accounts, Role } from "./core/Accounts.js";
export {
  applyBaseline,
  type BaselineEntry,
  type BaselineOutcome,
  parseBaseline,
} from "./core/baseline.js";
export type { CheckOutcome, CheckStatus } from "./core/CheckOutcome.js";
export type { CheckResult } from "./core/CheckResult.js";
export { collectOutcomes } from "./core/collectOutcomes.js";
export { createRunContext, type RunContextOptions } from "./core/createRunContext.js";
export { type CheckDefinition, type CheckInfo, defineCheck } from "./core/defineCheck.js";
export type { AccountSession, Market, RunContext } from "./core/RunContext.js";
export { type RunEvent, type RunOptions, type RunReport, runSuite } from "./core/runSuite.js";
export type { Scenario } from "./core/Scenario.js";
export { ScenarioError } from "./core/ScenarioError.js";
export { allChecks } from "./core/Selection.js";
export { formatSpecReference, type SpecReference, specRef } from "./core/SpecReference.js";
export { defaultWsUrl, type Target } from "./core/Target.js";
export {
  createHttpDriver,
  type HttpDriver,
  type HttpDriverOptions,
} from "./driver/createHttpDriver.js";
export { createWsDriver, type WsDriverOptions } from "./driver/createWsDriver.js";
export type { CallOptions, Driver, SendOptions } from "./driver/Driver.js";
export type { Exchange } from "./driver/Exchange.js";
export { Recorder } from "./driver/Recorder.js";
export { type Transport, transports } from "./driver/Transport.js";
export { type Fixture, formatFixture, parseFixture } from "./fixtures/Fixture.js";
export { type FixtureCase, fixtureCases } from "./fixtures/fixtureCases.js";
export { fixturesDir, loadFixtures } from "./fixtures/fixturesDir.js";
export { IdRenumbering, normaliseAnswer } from "./fixtures/normaliseAnswer.js";
export { recordFixtures } from "./fixtures/recordFixtures.js";
export { arbitraryFromSchema, invalidArbitrary } from "./property/arbitraryFromSchema.js";
export { referenceAccounts } from "./reference/referenceAccounts.js";
export { type Summary, summarise } from "./reports/summarise.js";
export { toHtmlReport } from "./reports/toHtmlReport.js";
export { toJsonReport } from "./reports/toJsonReport.js";
export { toJunitXml } from "./reports/toJunitXml.js";
export { scenarios } from "./scenarios/index.js";
export { createSpecView, type SpecView } from "./spec/SpecView.js";
