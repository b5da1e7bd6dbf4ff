import type { Exchange } from "./Exchange.js";
import type { Transport } from "./Transport.js";

/**
 * Keeps every exchange of a run, tagged with the scenario that sent it: the traffic that the
 * envelope, result-schema and declared-error checks read, and the source of fixtures and of
 * the latency histograms.
 */
export class Recorder {
  readonly exchanges: Exchange[] = [];
  /** The scenario running now; new exchanges are tagged with it. */
  scenario = "";

  /** Records one exchange (pass as a driver's `onExchange`). */
  readonly record = (exchange: Exchange): void => {
    exchange.scenario = this.scenario;
    this.exchanges.push(exchange);
  };

  /** The exchanges of one transport, in the order they were sent. */
  forTransport(transport: Transport): Exchange[] {
    return this.exchanges.filter((e) => e.transport === transport);
  }
}
