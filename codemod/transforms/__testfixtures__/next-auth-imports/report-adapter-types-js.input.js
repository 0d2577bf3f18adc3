// @ts-check
import { Adapter } from "next-auth/adapters";

/** @param {Adapter} adapter */
export function withLogging(adapter) {
  return adapter;
}
