/**
 * Throughput of two endpoints measured side by side: short autocannon rounds, interleaved
 * target/twin and swapping which goes first (ABBA), so that drift on a shared machine hits both.
 * Every figure the benchmark publishes is the target's numbers divided by its twin's.
 */
import autocannon from "autocannon";

export interface Endpoint {
  label: string;
  /** Base URL of the app answering it, e.g. http://127.0.0.1:41234 */
  origin: string;
  path: string;
  /** The Cookie header, fetched again before every round (a browser keeps the refreshed cookie). */
  cookie?: () => Promise<string>;
  /** The status every answer must have (200 unless told). */
  status?: number;
}

export interface LoadSettings {
  rounds: number;
  secondsPerRound: number;
  connections: number;
  warmupRequests: number;
}

interface Side {
  requestsPerSecond: number;
  /** Median over the rounds of each round's latency percentile, in ms. */
  p50Ms: number;
  p99Ms: number;
  requests: number;
  rounds: number[];
}

export interface PairResult {
  target: Side;
  twin: Side;
  /** target requests/s ÷ twin requests/s */
  ratio: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

interface Round {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
}

async function round(
  endpoint: Endpoint,
  settings: { seconds?: number; amount?: number; connections: number },
): Promise<Round> {
  const headers: Record<string, string> = { host: new URL(endpoint.origin).host };
  if (endpoint.cookie) headers.cookie = await endpoint.cookie();
  const expected = endpoint.status ?? 200;
  let wrong = 0;
  let example = "";
  const result = await autocannon({
    url: `${endpoint.origin}${endpoint.path}`,
    connections: settings.connections,
    ...(settings.amount ? { amount: settings.amount } : { duration: settings.seconds }),
    headers,
    setupClient: (client) => {
      client.on("response", (statusCode: number) => {
        if (statusCode !== expected) {
          wrong += 1;
          example ||= String(statusCode);
        }
      });
    },
  });
  const answered = result.requests.total;
  if (wrong > 0 || result.errors > 0 || result.timeouts > 0 || answered === 0) {
    throw new Error(
      `${endpoint.label} (${endpoint.path}): ${wrong} answers were not ${expected} (e.g. ${example || "-"}), ` +
        `${result.errors} errors, ${result.timeouts} timeouts out of ${answered}`,
    );
  }
  return {
    requestsPerSecond: answered / (result.duration || settings.seconds || 1),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: answered,
  };
}

function side(rounds: Round[]): Side {
  const requests = rounds.reduce((sum, r) => sum + r.requests, 0);
  return {
    // Equal round lengths: the mean of the rounds is total requests over total time.
    requestsPerSecond: rounds.reduce((sum, r) => sum + r.requestsPerSecond, 0) / rounds.length,
    p50Ms: median(rounds.map((r) => r.p50)),
    p99Ms: median(rounds.map((r) => r.p99)),
    requests,
    rounds: rounds.map((r) => Math.round(r.requestsPerSecond)),
  };
}

/** Warms both endpoints, then runs `rounds` rounds of each, interleaved ABBA. */
export async function comparePair(target: Endpoint, twin: Endpoint, settings: LoadSettings): Promise<PairResult> {
  for (const endpoint of [target, twin])
    await round(endpoint, { amount: settings.warmupRequests, connections: settings.connections });
  const targetRounds: Round[] = [];
  const twinRounds: Round[] = [];
  for (let index = 0; index < settings.rounds; index += 1) {
    const order: [Endpoint, Round[]][] =
      index % 2 === 0
        ? [
            [target, targetRounds],
            [twin, twinRounds],
          ]
        : [
            [twin, twinRounds],
            [target, targetRounds],
          ];
    for (const [endpoint, into] of order)
      into.push(await round(endpoint, { seconds: settings.secondsPerRound, connections: settings.connections }));
  }
  const targetSide = side(targetRounds);
  const twinSide = side(twinRounds);
  return { target: targetSide, twin: twinSide, ratio: targetSide.requestsPerSecond / twinSide.requestsPerSecond };
}
