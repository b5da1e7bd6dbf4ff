import { fixtureChecks as c } from "../checks/fixtureChecks.js";
import type { CheckOutcome } from "../core/CheckOutcome.js";
import type { Scenario } from "../core/Scenario.js";
import { describeOutcome, readRequest } from "../driver/Exchange.js";
import type { Fixture } from "../fixtures/Fixture.js";
import { fixtureDifference, IdPairing } from "../fixtures/fixtureDifference.js";
import { loadFixtures } from "../fixtures/fixturesDir.js";
import { IdRenumbering, normaliseAnswer } from "../fixtures/normaliseAnswer.js";
import { playFixture, usesAccounts } from "../fixtures/playFixture.js";
import { gridDifference, recordedGrid } from "../fixtures/recordedGrid.js";
import { openDesk } from "../trading/Desk.js";

/** The instrument the fixtures were recorded with (their prices are its). */
export const FIXTURE_INSTRUMENT = "BTC-PERPETUAL";

/**
 * A scenario that replays wire fixtures: every `>>` is sent, every `<<` compared after
 * normalising both sides, on what the spec fixes only (`fixtureDifference`).
 */
export function fixtureReplayScenario(load: () => Fixture[] = () => loadFixtures()): Scenario {
  return {
    name: "fixtures",
    description:
      "Replays the recorded wire fixtures (fixtures/<method>/<case>.io) and compares the normalised answers",
    checks: [c.replay],
    needsAccounts: true,
    async run(ctx) {
      if (ctx.instrument !== FIXTURE_INSTRUMENT) {
        return [
          c.replay.skip(
            `the fixtures are recorded for ${FIXTURE_INSTRUMENT}, not ${ctx.instrument}`,
          ),
        ];
      }
      const out: CheckOutcome[] = [];
      const fixtures = load();
      // The fixtures' trades and books assume no other account's orders in the instrument.
      const marketBound = (f: Fixture) => {
        const texts = f.lines.filter((l) => l.direction === ">>").map((l) => l.text);
        return (
          usesAccounts(texts) ||
          texts.some((t) => t.includes("get_order_book") && t.includes(FIXTURE_INSTRUMENT))
        );
      };
      // Their prices and amounts are on the recorded instrument's grid: a server that lists it
      // with another tick, contract size or minimum cannot replay them (the spec lets it).
      const instrumentBound = (f: Fixture) =>
        f.lines.some((l) => l.direction === ">>" && l.text.includes(FIXTURE_INSTRUMENT));
      let offGrid: string | undefined;
      if (fixtures.some(instrumentBound)) {
        const market = await ctx.market().catch(() => undefined);
        const diff = market && gridDifference(recordedGrid(fixtures, FIXTURE_INSTRUMENT), market);
        if (diff) offGrid = `the fixture's ${FIXTURE_INSTRUMENT} orders were ${diff}`;
      }
      let foreign: string | undefined;
      if (fixtures.some(marketBound)) {
        const desk = await openDesk(ctx);
        const levels = [
          ...desk.foreign.bids.map((p) => `bid ${p}`),
          ...desk.foreign.asks.map((p) => `ask ${p}`),
        ];
        if (levels.length > 0)
          foreign = `other accounts have orders in ${FIXTURE_INSTRUMENT} (${levels.slice(0, 3).join(", ")}${levels.length > 3 ? ", ..." : ""}); the fixture's trades and books assume none`;
      }
      for (const fixture of fixtures) {
        const skip =
          offGrid !== undefined && instrumentBound(fixture)
            ? offGrid
            : foreign !== undefined && marketBound(fixture)
              ? foreign
              : undefined;
        if (skip !== undefined) {
          const skipped = c.replay.skip(skip);
          skipped.subject = `${fixture.method}/${fixture.name}`;
          skipped.method = fixture.method === "protocol" ? "*" : fixture.method;
          out.push(skipped);
          continue;
        }
        let played: Awaited<ReturnType<typeof playFixture>>;
        try {
          played = await playFixture(ctx, fixture);
        } catch (error) {
          const failed = c.replay.fail(`not reached: ${(error as Error).message}`);
          failed.subject = `${fixture.method}/${fixture.name}`;
          failed.method = fixture.method === "protocol" ? "*" : fixture.method;
          out.push(failed);
          continue;
        }
        const want = new IdRenumbering();
        const got = new IdRenumbering();
        const pairs = new IdPairing();
        let outcome: CheckOutcome | undefined;
        for (const [i, p] of played.entries()) {
          if (p.expected === undefined) continue;
          const method = readRequest(p.request).method;
          const expected = normaliseAnswer(JSON.parse(p.expected), method, want);
          const actual = normaliseAnswer(
            p.exchange.response ?? p.exchange.responseText ?? null,
            method,
            got,
          );
          const diff = p.exchange.error ?? fixtureDifference(expected, actual, method, pairs);
          if (diff !== undefined) {
            outcome = c.replay.fail(`request ${i + 1} (${method ?? "raw text"}): ${diff}`, {
              exchange: p.exchange,
              expected: p.expected,
            });
            break;
          }
        }
        outcome ??= c.replay.pass(
          `${played.length} request${played.length === 1 ? "" : "s"} replayed`,
        );
        outcome.subject = `${fixture.method}/${fixture.name}`;
        outcome.method = fixture.method === "protocol" ? "*" : fixture.method;
        if (outcome.status === "failed" && outcome.exchange !== undefined) {
          outcome.details += ` — got ${describeOutcome(outcome.exchange)}`;
        }
        out.push(outcome);
      }
      if (out.length === 0) out.push(c.replay.skip("no fixtures found"));
      return out;
    },
  };
}

/** The scenario over the package's own fixtures. */
export const fixtureReplay: Scenario = fixtureReplayScenario();
