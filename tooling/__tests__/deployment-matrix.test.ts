import { carriesToken, v4CookiesLostIn } from "../deployment-matrix";

const DEFAULTS = { v4: "next-auth.session-token", v5: "authjs.session-token" };
const EXPIRED = "Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT";

describe("the deployment matrix's count of lost v4 cookies", () => {
  it("counts a v4 session cookie deleted in a response that sets no v5 session cookie (a 500, a sign-in page)", () => {
    expect(v4CookiesLostIn({ setCookies: [`next-auth.session-token=; ${EXPIRED}`] }, DEFAULTS)).toBe(1);
    expect(v4CookiesLostIn({ setCookies: ["__Secure-next-auth.session-token=x; Max-Age=0; Path=/"] }, DEFAULTS)).toBe(
      1,
    );
  });

  it("counts none where the same response sets the v5 session cookie that replaces it", () => {
    const setCookies = [`next-auth.session-token=; ${EXPIRED}`, "authjs.session-token=eyJ...; Path=/; HttpOnly"];
    expect(v4CookiesLostIn({ setCookies }, DEFAULTS)).toBe(0);
  });

  it("does not take the v5 cookie's own deletion for a replacement", () => {
    const setCookies = [`next-auth.session-token=; ${EXPIRED}`, `authjs.session-token=; ${EXPIRED}`];
    expect(v4CookiesLostIn({ setCookies }, DEFAULTS)).toBe(1);
  });

  it("watches the app's own cookie name, and its chunks, when v4 and v5 share it", () => {
    const custom = { v4: "acme-session", v5: "acme-session" };
    expect(v4CookiesLostIn({ setCookies: [`acme-session.0=; ${EXPIRED}`] }, custom)).toBe(1);
    expect(v4CookiesLostIn({ setCookies: ["acme-session=eyJ...; Path=/; SameSite=Strict"] }, custom)).toBe(0);
  });
});

describe("the deployment matrix's token leak check", () => {
  it("finds a database session token in a session JSON body, and none in a body without it", () => {
    const token = "4f0c2a9e-2f4e-4b7e-9a51-0c1d2e3f4a5b";
    expect(carriesToken({ body: `{"sessionToken":"${token}","userId":"u1"}` }, [token])).toBe(true);
    expect(carriesToken({ body: '{"user":{"id":"u1"},"expires":"2027-01-01"}' }, [token, ""])).toBe(false);
  });
});
