import { loadAccountsFile, startReferenceServer } from "@unwind/reference";
import { defaultLimits } from "@unwind/server";
import type { Accounts } from "../core/Accounts.js";
import type { Target } from "../core/Target.js";
import { referenceAccounts } from "../reference/referenceAccounts.js";
import { startWireProxy } from "./startWireProxy.js";
import type { Defect } from "./WireDefect.js";

/** A reference server (with one defect, or none) for the suite's own tests. */
export interface TestServer extends Target {
  accounts: Accounts;
  close(): Promise<void>;
}

/**
 * Starts the in-memory reference server on a free port, with the defect's handler wrapping and,
 * when it has wire-level hooks, a proxy in front of it.
 *
 * @example
 * const server = await startBrokenReference(defects.find((d) => d.name === "wrong-id"));
 * await runSuite({ target: server, accounts: server.accounts, only: ["envelope"] });
 */
export async function startBrokenReference(
  defect?: Defect | Omit<Defect, "caughtBy">,
): Promise<TestServer> {
  const file = loadAccountsFile();
  const accounts = referenceAccounts(file);
  const reference = await startReferenceServer({
    port: 0,
    accounts: file,
    log: () => {},
    onError: () => {},
    ...(defect?.wrapHandlers ? { wrapHandlers: defect.wrapHandlers } : {}),
    ...(defect?.limits ? { limits: defect.limits } : {}),
    ...defect?.reference,
  });
  // The limit the suite is told about is the reference's default, whatever the defect set.
  const maxBodyBytes = defaultLimits.maxBodyBytes;
  const direct = { httpUrl: reference.url, wsUrl: reference.wsUrl, maxBodyBytes };
  const wireHooks = [
    "request",
    "message",
    "response",
    "headers",
    "http",
    "httpWriter",
    "wsWriter",
    "framing",
    "wsNotifications",
  ];
  if (defect === undefined || !wireHooks.some((hook) => hook in defect)) {
    return { ...direct, accounts, close: () => reference.close() };
  }
  const granted = reference.auth.grant({
    grant_type: "client_credentials",
    client_id: accounts.maker.id,
    client_secret: accounts.maker.secret,
  });
  if (granted instanceof Error) throw granted;
  const token = granted.result.access_token;
  const proxy = await startWireProxy(direct, defect, token);
  return {
    httpUrl: proxy.httpUrl,
    wsUrl: proxy.wsUrl,
    maxBodyBytes,
    accounts,
    close: async () => {
      await proxy.close();
      await reference.close();
    },
  };
}
