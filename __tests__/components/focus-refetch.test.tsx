import { act, render, screen } from "@testing-library/react";
import { SessionProvider, useSession } from "next-auth/react";
import { useFocusRefetchThrottle } from "@/components/useFocusRefetchThrottle";
import { answerSession, sessionFor } from "../support/msw-browser-server";
import { SESSION_REQUESTS_PER_REFETCH } from "@/tooling/next-auth-version";

function SessionStatus() {
  const { status } = useSession();
  return <p>{status}</p>;
}

function AppWithThrottledRefetch({ quietMs }: { quietMs: number }) {
  const refetchOnWindowFocus = useFocusRefetchThrottle(quietMs);
  return (
    <SessionProvider session={sessionFor("user")} refetchOnWindowFocus={refetchOnWindowFocus}>
      <SessionStatus />
    </SessionProvider>
  );
}

let visibility: DocumentVisibilityState = "visible";
beforeAll(() => {
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => visibility });
});

async function hideAndShow() {
  await act(async () => {
    visibility = "hidden";
    document.dispatchEvent(new Event("visibilitychange"));
    visibility = "visible";
    document.dispatchEvent(new Event("visibilitychange"));
    await new Promise((resolve) => setTimeout(resolve, 30));
  });
}

describe("session refetch when the tab becomes visible", () => {
  it("fetches once for a burst of tab switches", async () => {
    const requests = answerSession(sessionFor("user"));
    render(<AppWithThrottledRefetch quietMs={60_000} />);
    expect(screen.getByText("authenticated")).toBeInTheDocument();
    for (let i = 0; i < 3; i += 1) await hideAndShow();
    expect(requests.count()).toBe(SESSION_REQUESTS_PER_REFETCH); // one refetch
  });

  it("fetches again once the quiet period is over", async () => {
    const requests = answerSession(sessionFor("user"));
    render(<AppWithThrottledRefetch quietMs={50} />);
    await hideAndShow();
    await act(() => new Promise((resolve) => setTimeout(resolve, 120)));
    await hideAndShow();
    expect(requests.count()).toBe(2 * SESSION_REQUESTS_PER_REFETCH); // two refetches
  });
});
