// The SDK generated from MetaMask's OpenRPC document (@metamask/api-specs) against a real
// Ethereum node (ganache, pure JavaScript, on 127.0.0.1), over HTTP and WebSocket. The calls sit
// in a TypeScript file compiled with the generated package (strict tsc), so the results and the
// error are typed by the document, and run here against the node.
import { writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ganache from "ganache";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { corpusDocument } from "./corpus.js";
import { buildPackage, generatePackage, installOffline } from "./standalonePackage.test-helpers.js";

const calls = `import {
  createClient,
  errorClasses,
  type EthBlockNumberReturnType,
  type EthChainIdReturnType,
  type EthGetBalanceReturnType,
  type EthGetBlockByNumberReturnType,
} from "./index.js";
import { RpcError } from "@unwind/client/runtime";

export interface Outcome {
  chainId: EthChainIdReturnType;
  blockNumber: EthBlockNumberReturnType;
  balance: EthGetBalanceReturnType;
  block: EthGetBlockByNumberReturnType;
  blockHash: string | undefined;
  error: { code: number; className: string; declared: boolean } | undefined;
}

export async function run(url: string, transport: "http" | "ws", account: string): Promise<Outcome> {
  const client = createClient(transport === "ws" ? { wsUrl: url } : { url });
  try {
    const chainId = await client.ethChainId();
    const blockNumber = await client.ethBlockNumber();
    const balance = await client.ethGetBalance({ Address: account, Block: "latest" });
    const block = await client.ethGetBlockByNumber({ Block: "latest", "Hydrated transactions": false });
    let error: Outcome["error"];
    try {
      await client.ethGetBalance({ Address: "0xnot-an-address", Block: "latest" });
    } catch (e) {
      if (!(e instanceof RpcError)) throw e;
      const Class = (errorClasses as Record<number, unknown>)[e.code];
      error = { code: e.code, className: e.name, declared: Class !== undefined && e instanceof (Class as typeof RpcError) };
    }
    return { chainId, blockNumber, balance, block, blockHash: block?.hash, error };
  } finally {
    await client.close();
  }
}
`;

type Outcome = {
  chainId: string;
  blockNumber: string;
  balance: string;
  block: { hash: string; number: string } | null;
  blockHash: string | undefined;
  error: { code: number; className: string; declared: boolean } | undefined;
};

let node: ReturnType<typeof ganache.server>;
let url: string;
let account: string;
let run: (url: string, transport: "http" | "ws", account: string) => Promise<Outcome>;

beforeAll(async () => {
  const dir = generatePackage(corpusDocument("metamask-openrpc").path, "client", "metamask-sdk");
  writeFileSync(join(dir, "src", "calls.ts"), calls);
  await installOffline(dir, "client");
  const built = await buildPackage(dir);
  if (built.code !== 0) throw new Error(`the generated SDK does not build:\n${built.output}`);
  ({ run } = await import(pathToFileURL(join(dir, "dist", "calls.js")).href));
  node = ganache.server({
    logging: { quiet: true },
    chain: { chainId: 1337 },
    wallet: { seed: "unwind sdk proof", totalAccounts: 1, defaultBalance: 100 },
    // ganache's declared option type resolves to `undefined` under nodenext; the options are its documented ones
  } as never);
  await node.listen(0, "127.0.0.1");
  url = `127.0.0.1:${(node.address() as AddressInfo).port}`;
  account = Object.keys(node.provider.getInitialAccounts())[0]!;
}, 120_000);

afterAll(() => node?.close());

describe.each(["http", "ws"] as const)("the MetaMask SDK against ganache over %s", (transport) => {
  test("eth_chainId, eth_blockNumber, eth_getBalance, eth_getBlockByNumber, and a typed error", async () => {
    const outcome = await run(`${transport}://${url}`, transport, account);
    expect(outcome.chainId).toBe("0x539");
    expect(outcome.blockNumber).toMatch(/^0x[0-9a-f]+$/);
    expect(BigInt(outcome.balance)).toBe(100n * 10n ** 18n);
    expect(outcome.block?.number).toBe(outcome.blockNumber);
    expect(outcome.blockHash).toMatch(/^0x[0-9a-f]{64}$/);
    // ganache answers a malformed address with -32700; the SDK raises the class of that code
    expect(outcome.error).toEqual({ code: -32700, className: "ParseError", declared: true });
  });
});
