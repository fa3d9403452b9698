// The plan format the Node client drivers (ts-client.mjs, ts2-client.mjs) share: one JSON object with a
// transport, optional client info and timeout, and the steps to run (see either script's header).

import { readFileSync } from "node:fs";

/** A mistake in the plan (the test's fault, not the client's or the server's). */
export class PlanError extends Error {}

/** The plan from the command line: inline JSON (starts with '{'), a file, or '-' for stdin. */
export function readPlan(argv) {
  if (argv.length !== 1) {
    throw new PlanError("expected exactly one argument: a JSON plan, a plan file, or '-' for stdin");
  }
  const arg = argv[0];
  const text = arg.trimStart().startsWith("{") ? arg : readFileSync(arg === "-" ? 0 : arg, "utf8");
  let plan;
  try {
    plan = JSON.parse(text);
  } catch (e) {
    throw new PlanError(`plan is not valid JSON: ${e.message}`);
  }
  if (!plan || typeof plan !== "object") throw new PlanError("plan must be a JSON object");
  if (!plan.transport || typeof plan.transport !== "object") throw new PlanError("plan.transport is required");
  if (!Array.isArray(plan.steps)) throw new PlanError("plan.steps must be an array");
  return plan;
}
