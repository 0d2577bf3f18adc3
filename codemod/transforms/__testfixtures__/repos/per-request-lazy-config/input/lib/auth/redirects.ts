export const isSafeCallbackUrl = (url: string) => url.startsWith("/");
