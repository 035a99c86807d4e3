// The sandbox gateway served by a plain Node HTTP server on a random loopback port, for
// contract tests: the real client talks to it over real HTTP. Plus a notify receiver that
// records what it gets and answers what the test tells it to.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { endpoints, type Endpoint } from "@/lib/scanforpay/client";
import { handleGatewayRequest, type SandboxDeps } from "@/lib/sandbox/server";
import {
  actOnOrder,
  describeOrder,
  findOrderByPartnerOrderNo,
  notifyModeSchema,
  outcomeSchema,
} from "@/lib/sandbox/customer";
import type { OrdersDeps } from "@/lib/orders/gateway-wiring";
import { handleNotify } from "@/lib/orders/notify-and-return";
import { sendRefund } from "@/lib/orders/payments";
import type { TestDb } from "./test-db";

async function readBody(request: IncomingMessage): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

export type SandboxServer = {
  apiBase: string;
  deps: SandboxDeps;
  /** Requests the gateway has received, by endpoint (Pay Query: `payQuery`). */
  calls: Partial<Record<Endpoint, number>>;
  close(): Promise<void>;
};

export async function startSandboxServer(db: TestDb, options: Partial<SandboxDeps> = {}): Promise<SandboxServer> {
  const byPath = new Map<string, Endpoint>(
    Object.entries(endpoints).map(([name, path]) => [`/sandbox/scanforpay${path}`, name as Endpoint]),
  );
  const deps: SandboxDeps = { db, baseUrl: "", notifyDelayScale: 0.001, timeoutFaultMs: 1_000, ...options };
  const calls: SandboxServer["calls"] = {};
  const server = createServer(async (request, response) => {
    // The control endpoint, as app/sandbox/scanforpay/control/orders/[partnerOrderNo] serves it.
    const control = /^\/sandbox\/scanforpay\/control\/orders\/([^/]+)$/.exec(request.url ?? "");
    if (request.method === "POST" && control) {
      const body = JSON.parse(Buffer.from(await readBody(request)).toString("utf8")) as {
        outcome?: unknown;
        notify?: unknown;
      };
      const order = await findOrderByPartnerOrderNo(deps, decodeURIComponent(control[1]!));
      if (!order) return void response.writeHead(404).end("{}");
      const result = await actOnOrder(
        deps,
        order,
        outcomeSchema.parse(body.outcome),
        notifyModeSchema.parse(body.notify ?? "normal"),
      );
      return void response
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ ...describeOrder(deps, result.order), effect: result.effect }));
    }
    const endpoint = byPath.get(request.url ?? "");
    if (request.method !== "POST" || !endpoint) {
      response.writeHead(404).end("Not Found");
      return;
    }
    calls[endpoint] = (calls[endpoint] ?? 0) + 1;
    try {
      const answer = await handleGatewayRequest(deps, endpoint, await readBody(request));
      response.writeHead(answer.status, { "content-type": answer.contentType }).end(answer.body);
    } catch (error) {
      response.writeHead(500).end(String(error));
    }
  });
  const port = await listen(server);
  deps.baseUrl = `http://127.0.0.1:${port}/sandbox/scanforpay`;
  return { apiBase: deps.baseUrl, deps, calls, close: () => close(server) };
}

export type NotifyReceiver = {
  url: string;
  received: string[];
  /** What the next answers are (in order); then `success`. */
  answers: string[];
  close(): Promise<void>;
};

export async function startNotifyReceiver(): Promise<NotifyReceiver> {
  const receiver: NotifyReceiver = { url: "", received: [], answers: [], close: async () => {} };
  const server = createServer(async (request, response) => {
    receiver.received.push(Buffer.from(await readBody(request)).toString("utf8"));
    response.writeHead(200, { "content-type": "text/plain" }).end(receiver.answers.shift() ?? "success");
  });
  const port = await listen(server);
  receiver.url = `http://127.0.0.1:${port}/api/scanforpay/notify`;
  receiver.close = () => close(server);
  return receiver;
}

/** A server that always answers with the given status and body (HTTP error cases). */
export async function startFixedServer(
  status: number,
  body: string,
): Promise<{ url: string; hits: () => number; close(): Promise<void> }> {
  let hits = 0;
  const server = createServer((_request, response) => {
    hits++;
    response.writeHead(status, { "content-type": "text/html" }).end(body);
  });
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}`, hits: () => hits, close: () => close(server) };
}

/** A gateway that takes every request and never answers (a hung upstream). */
export async function startHangingServer(): Promise<{ url: string; hits: () => number; close(): Promise<void> }> {
  let hits = 0;
  const server = createServer(() => {
    hits++;
  });
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}`, hits: () => hits, close: () => close(server) };
}

/**
 * The shop's notify route (app/api/scanforpay/notify) on a random port, around handleNotify:
 * it answers first, then sends a duplicate payment's refund, as the route does with after().
 */
export async function startShopServer(getDeps: () => OrdersDeps): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(async (request, response) => {
    if (request.method !== "POST" || !request.url?.startsWith("/api/scanforpay/notify"))
      return void response.writeHead(404).end();
    try {
      const answer = await handleNotify(getDeps(), Buffer.from(await readBody(request)).toString("utf8"));
      response.writeHead(answer.status, { "content-type": "text/plain" }).end(answer.body);
      if (answer.refundId) await sendRefund(getDeps(), answer.refundId);
    } catch {
      if (!response.headersSent) response.writeHead(503, { "content-type": "text/plain" }).end("error");
    }
  });
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}`, close: () => close(server) };
}
