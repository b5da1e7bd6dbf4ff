/** CPU per close cycle (us) that bound the fan-out ratio, as one bench run measured them. */
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

/** The best fan-out ratio some costs allow, and whose CPU bounds it. */
export interface FanoutBound {
  ratio: number;
  /** `server`: the server's own CPU per cycle; `machine`: all the processes' on the shared CPUs. */
  by: "server" | "machine";
}

/**
 * The best fan-out ratio a server could reach, if close cycles/s follow CPU per cycle at the
 * no-subscriber run's CPU use, as the bench measures (its no-subscriber / 100-subscriber server
 * CPU predicts its ratio). The server's bound: its no-subscriber cost against that plus building
 * the notifications plus the floor writer. The machine's: the server's and the driver's
 * no-subscriber costs against those plus building, the writer and the reader (the subscribers
 * share the CPUs). The lower of the two.
 *
 * @example
 * fanoutBound({ quietServer: 90, quietDriver: 70, building: 15, writer: 30, reader: 25 });
 * // { ratio: 0.6666666666666666, by: "server" }
 */
export function fanoutBound(c: FanoutCosts): FanoutBound {
  const server = c.quietServer / (c.quietServer + c.building + c.writer);
  const quiet = c.quietServer + c.quietDriver;
  const machine = quiet / (quiet + c.building + c.writer + c.reader);
  return server <= machine ? { ratio: server, by: "server" } : { ratio: machine, by: "machine" };
}
