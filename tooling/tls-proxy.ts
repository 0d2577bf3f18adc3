/**
 * A TLS-terminating proxy on 127.0.0.1, as a load balancer or a platform edge sits in front of an
 * app: it answers HTTPS with a self-signed certificate made at start by the `openssl` CLI, and
 * forwards each request over plain HTTP to the app's port with the headers such proxies add
 * (X-Forwarded-Proto: https, X-Forwarded-Host, X-Forwarded-For). Requests are bounded in time; the
 * certificate is made in a temporary folder, removed once read.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const UPSTREAM_TIMEOUT_MS = 30_000;
/** Hop-by-hop headers, which a proxy does not pass on. */
const HOP_BY_HOP = ["connection", "keep-alive", "transfer-encoding", "upgrade", "proxy-connection"];

export interface TlsProxy {
  /** `https://127.0.0.1:<port>` */
  url: string;
  /** The certificate, for a client to trust (CookieClient's `tls.ca`). */
  ca: string;
  close(): Promise<void>;
}

/** A certificate for IP 127.0.0.1, valid one day, with its key (PEM). */
function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "tls-proxy-"));
  try {
    const [key, cert] = [path.join(dir, "key.pem"), path.join(dir, "cert.pem")];
    execFileSync(
      "openssl",
      [
        ...["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1"],
        ...["-keyout", key, "-out", cert, "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
      ],
      { stdio: "pipe" },
    );
    return { key: readFileSync(key, "utf8"), cert: readFileSync(cert, "utf8") };
  } catch (error) {
    throw new Error(
      `openssl could not make the proxy's certificate (is the openssl CLI installed?): ${(error as Error).message}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Starts the proxy in front of http://127.0.0.1:`targetPort`. */
export function startTlsProxy(targetPort: number): Promise<TlsProxy> {
  const { key, cert } = selfSignedCertificate();
  const server = createServer({ key, cert }, (req, res) => {
    const headers = { ...req.headers };
    for (const name of HOP_BY_HOP) delete headers[name];
    headers["x-forwarded-proto"] = "https";
    headers["x-forwarded-host"] = req.headers.host ?? "";
    headers["x-forwarded-for"] = req.socket.remoteAddress ?? "127.0.0.1";
    const upstream = httpRequest(
      { host: "127.0.0.1", port: targetPort, method: req.method, path: req.url, headers, timeout: UPSTREAM_TIMEOUT_MS },
      (answer) => {
        const out = { ...answer.headers };
        for (const name of HOP_BY_HOP) delete out[name];
        res.writeHead(answer.statusCode ?? 502, out);
        answer.pipe(res);
      },
    );
    upstream.on("timeout", () => upstream.destroy(new Error("the app took too long")));
    upstream.on("error", (error) => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end(`proxy: ${error.message}`);
    });
    req.pipe(upstream);
  });
  server.requestTimeout = UPSTREAM_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `https://127.0.0.1:${port}`,
        ca: cert,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
