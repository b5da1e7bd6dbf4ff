/** The two transports every check runs over. */
export type Transport = "http" | "ws";

/** Every transport, in run order. */
export const transports: readonly Transport[] = ["http", "ws"];
