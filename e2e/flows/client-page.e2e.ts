import { DEMO_USERS } from "@/lib/users/seed";
import { appUrl, expect, submitLogin, test, textsSeen, watchForText } from "../support/fixtures";

test("sends a signed-out visitor of /client to sign-in once the browser has checked, and back after", async ({
  page,
}) => {
  await watchForText(page, ["the browser checked your session"]);
  await page.goto("/client");

  // useSession({ required: true }) calls signIn(), which goes through /api/auth/signin to /login.
  await page.waitForURL((url) => url.pathname === "/login");
  expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe(appUrl("/client"));
  expect(await textsSeen(page)).toEqual([]);

  await submitLogin(page, DEMO_USERS.user);
  await expect(page).toHaveURL(appUrl("/client"));
  await expect(page.getByText(`Hello ${DEMO_USERS.user.name}, the browser checked your session.`)).toBeVisible();
});
