/** CPU per close cycle (us) that set the fan-out ratio, as one bench run measured them. */
export interface FanoutCosts {
  /** The server with no subscriber. */
  quietServer: number;
  /** The driver with no subscriber. */
  quietDriver: number;
  /** What building the notifications adds to the server (the 1-subscriber run's extra). */
  building: number;
  /** A plain writer's cost of the subscribers' bytes (the floor: no WebSocket, no JSON). */
  writer: number;
  /** A plain reader's cost of the same bytes. */
  reader: number;
}

/** The fan-out ratio some costs suggest, and whose CPU sets it. */
export interface FanoutEstimate {
  ratio: number;
  /** `server`: the server's own CPU per cycle; `machine`: all the processes' on the shared CPUs. */
  by: "server" | "machine";
}

/**
 * The fan-out ratio a server would reach if close cycles/s followed CPU per cycle at the
 * no-subscriber run's CPU use, and the server spent its no-subscriber cost plus building the
 * notifications plus the floor writer: the server's no-subscriber cost against that sum. Or the
 * whole machine's: the server's and the driver's no-subscriber costs against those plus
 * building, the writer and the reader (the subscribers share the CPUs). The lower of the two.
 * An estimate, not a bound: CPU per cycle moves with the rate (a slower driver sends fewer
 * requests per read), and a run has measured 0.85 where this said 0.70.
 *
 * @example
 * fanoutEstimate({ quietServer: 90, quietDriver: 70, building: 15, writer: 30, reader: 25 });
 * // { ratio: 0.6666666666666666, by: "server" }
 */
export function fanoutEstimate(c: FanoutCosts): FanoutEstimate {
  const server = c.quietServer / (c.quietServer + c.building + c.writer);
  const quiet = c.quietServer + c.quietDriver;
  const machine = quiet / (quiet + c.building + c.writer + c.reader);
  return server <= machine ? { ratio: server, by: "server" } : { ratio: machine, by: "machine" };
}
