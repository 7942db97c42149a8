import type { ConformanceCase } from "../schema/conformance-schema.js";

/**
 * What is wrong with an implementation's answer to a case: an empty list when it passes. The rules
 * are those of the shared runner: expected filters and sort deep-equal the answer as JSON carries
 * them (key order ignored); every expected warning and error is among the diagnostics, others are
 * allowed; records and order are checked when the case has them (unless `compileOnly`).
 */
export function judgeAnswer(testCase: ConformanceCase, answer: unknown, compileOnly = false): string[] {
  const problems: string[] = [];
  if (!isObject(answer)) return [`the answer is ${short(answer)}, not an object`];
  if (typeof answer.error === "string") return [`the implementation said: ${answer.error}`];
  const diagnostics = Array.isArray(answer.diagnostics) ? answer.diagnostics.filter(isObject) : null;
  if (!diagnostics) problems.push(`diagnostics is ${short(answer.diagnostics)}, not an array`);
  const has = (test: (d: Record<string, unknown>) => boolean): boolean => diagnostics?.some(test) ?? false;
  const expect = testCase.expect;
  if (expect.ok) {
    if (answer.ok !== true) problems.push(`ok: expected true, got ${short(answer.ok)} [${listed(diagnostics)}]`);
    for (const part of ["filters", "sort"] as const) {
      if (!(part in expect)) continue;
      const difference = firstDifference(expect[part], answer[part], part);
      if (difference) problems.push(difference);
    }
    for (const code of expect.warnings ?? []) {
      if (!has((d) => d.code === code)) problems.push(`missing warning ${code} [${listed(diagnostics)}]`);
    }
  } else {
    if (answer.ok !== false) problems.push(`ok: expected false, got ${short(answer.ok)}`);
    const missing = expect.errors.filter((e) => !has((d) => d.code === e.code && d.start === e.start && (e.end === undefined || d.end === e.end)));
    if (missing.length > 0) problems.push(`missing ${missing.map((e) => `${e.code}@${e.start}${e.end === undefined ? "" : "-" + e.end}`).join(", ")} [got ${listed(diagnostics)}]`);
  }
  if (compileOnly) return problems;
  if (testCase.records) {
    const matches = answer.matches;
    if (!Array.isArray(matches) || matches.length !== testCase.records.length) problems.push(`matches: expected ${testCase.records.length} booleans, got ${short(matches)}`);
    else
      testCase.records.forEach((entry, i) => {
        if (matches[i] !== entry.match) problems.push(`record #${i} ${short(entry.record)}: expected ${entry.match}, got ${short(matches[i])}`);
      });
  }
  if (testCase.order) {
    const order = answer.order;
    if (!Array.isArray(order) || order.join(",") !== testCase.order.expect.join(",")) problems.push(`order: expected [${testCase.order.expect.join(",")}], got ${short(order)}`);
  }
  return problems;
}

function firstDifference(expected: unknown, actual: unknown, path: string): string | null {
  if (Object.is(expected, actual) || (expected === 0 && actual === 0)) return null;
  const bothObjects = isObjectLike(expected) && isObjectLike(actual) && Array.isArray(expected) === Array.isArray(actual);
  if (!bothObjects) return `${path}: expected ${short(expected)}, got ${short(actual)}`;
  if (Array.isArray(expected) && Array.isArray(actual)) {
    for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
      if (i >= expected.length) return `${path}[${i}]: unexpected ${short(actual[i])}`;
      const inner = firstDifference(expected[i], actual[i], `${path}[${i}]`);
      if (inner) return inner;
    }
    return null;
  }
  const a = expected as Record<string, unknown>;
  const b = actual as Record<string, unknown>;
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    if (!Object.hasOwn(a, key)) return `${path}.${key}: unexpected ${short(b[key])}`;
    if (!Object.hasOwn(b, key)) return `${path}.${key}: expected ${short(a[key])}, got nothing`;
    const inner = firstDifference(a[key], b[key], `${path}.${key}`);
    if (inner) return inner;
  }
  return null;
}

function listed(diagnostics: readonly Record<string, unknown>[] | null): string {
  if (!diagnostics) return "no diagnostics";
  if (diagnostics.length === 0) return "none";
  const shown = diagnostics.slice(0, 6).map((d) => `${String(d.code)}@${String(d.start)}-${String(d.end)}${d.severity === "warning" ? "(w)" : ""}`);
  return shown.join(", ") + (diagnostics.length > 6 ? `, … (${diagnostics.length})` : "");
}

function short(value: unknown, max = 120): string {
  const text = value === undefined ? "nothing" : (JSON.stringify(value) ?? String(value));
  return text.length > max ? text.slice(0, max - 1) + "…" : text;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isObjectLike(value: unknown): value is object {
  return typeof value === "object" && value !== null;
}
