// A worker that mails invitations: NEXTAUTH_URL is this product's own base URL here, not next-auth's.
export function inviteLink(token: string) {
  return process.env.NEXTAUTH_URL + "/invite?token=" + encodeURIComponent(token);
}

export const unsubscribeUrl = `${process.env.NEXTAUTH_URL}/settings/email`;
