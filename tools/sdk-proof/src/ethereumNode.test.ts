// The SDKs generated from MetaMask's OpenRPC document (@metamask/api-specs) and from Ethereum's
// execution-apis (corpus/execution-apis.json) against a real Ethereum node (ganache, pure
// JavaScript, on 127.0.0.1), over HTTP and WebSocket. The calls sit in a TypeScript file compiled
// with each generated package (strict tsc), so the results and the error are typed by its
// document, and run here against the node. Both documents name the parameters alike (`Address`,
// `Block`, `Hydrated transactions`), so one source serves both.
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

type Run = (url: string, transport: "http" | "ws", account: string) => Promise<Outcome>;

const sdks = [
  ["MetaMask", "metamask-openrpc"],
  ["execution-apis", "execution-apis"],
] as const;

let node: ReturnType<typeof ganache.server>;
let url: string;
let account: string;
const runs = new Map<string, Run>();

/** Generates the client of a corpus document with `calls.ts` beside it, builds it, loads `run`. */
async function buildSdk(document: string): Promise<Run> {
  const dir = generatePackage(corpusDocument(document).path, "client", `${document}-sdk`);
  writeFileSync(join(dir, "src", "calls.ts"), calls);
  await installOffline(dir, "client");
  const built = await buildPackage(dir);
  if (built.code !== 0) throw new Error(`the ${document} SDK does not build:\n${built.output}`);
  return (await import(pathToFileURL(join(dir, "dist", "calls.js")).href)).run;
}

beforeAll(async () => {
  const built = await Promise.all(sdks.map(([, document]) => buildSdk(document)));
  for (const [i, [, document]] of sdks.entries()) runs.set(document, built[i]!);
  node = ganache.server({
    logging: { quiet: true },
    chain: { chainId: 1337 },
    wallet: { seed: "unwind sdk proof", totalAccounts: 1, defaultBalance: 100 },
    // ganache's declared option type resolves to `undefined` under nodenext; the options are its documented ones
  } as never);
  await node.listen(0, "127.0.0.1");
  url = `127.0.0.1:${(node.address() as AddressInfo).port}`;
  account = Object.keys(node.provider.getInitialAccounts())[0]!;
}, 180_000);

afterAll(() => node?.close());

describe.each(
  sdks.flatMap(([label, document]) =>
    (["http", "ws"] as const).map((transport) => [label, transport, document] as const),
  ),
)("the %s SDK against ganache over %s", (_label, transport, document) => {
  test("eth_chainId, eth_blockNumber, eth_getBalance, eth_getBlockByNumber, and a typed error", async () => {
    const outcome = await runs.get(document)!(`${transport}://${url}`, transport, account);
    expect(outcome.chainId).toBe("0x539");
    expect(outcome.blockNumber).toMatch(/^0x[0-9a-f]+$/);
    expect(BigInt(outcome.balance)).toBe(100n * 10n ** 18n);
    expect(outcome.block?.number).toBe(outcome.blockNumber);
    expect(outcome.blockHash).toMatch(/^0x[0-9a-f]{64}$/);
    // ganache answers a malformed address with -32700; the SDK raises the class of that code
    expect(outcome.error).toEqual({ code: -32700, className: "ParseError", declared: true });
  });
});
