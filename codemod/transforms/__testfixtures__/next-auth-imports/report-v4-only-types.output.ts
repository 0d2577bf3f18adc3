import type { DefaultUser, RequestInternal, Theme } from "next-auth";

declare module "next-auth" {
  interface User extends Omit<DefaultUser, "id"> {
    id: number;
  }
}

export function requestIp(req: Pick<RequestInternal, "headers">): string | undefined {
  return req.headers?.["x-forwarded-for"];
}

export function brandColor(theme: Theme): string {
  return theme.brandColor ?? "#346df1";
}
