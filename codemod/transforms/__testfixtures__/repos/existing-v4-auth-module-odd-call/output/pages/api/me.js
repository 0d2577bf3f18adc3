import { auth } from "../../auth";

// The v4 helper ignores req and res (and finds no session here); v5's auth(req, res) would read them.
export default async function me(req, res) {
  res.json(await auth(req, res));
}
