import { describe, expect, it } from "vitest";
import { instantOf, parseInstant } from "../../src/evaluate/parse-instant.js";

describe("parseInstant", () => {
  it.each([
    ["2024-01-01", "2024-01-01T00:00:00.000Z"],
    ["2024-01-01T10:00Z", "2024-01-01T10:00:00.000Z"],
    ["2024-01-01T10:00:00Z", "2024-01-01T10:00:00.000Z"],
    ["2024-01-01t10:00:00.250+02:00", "2024-01-01T08:00:00.250Z"],
    ["2024-01-01T10:00:00-0130", "2024-01-01T11:30:00.000Z"],
    ["2024-01-01T10:00:00.123456789z", "2024-01-01T10:00:00.123Z"],
    ["2024-02-29T23:59:59.999Z", "2024-02-29T23:59:59.999Z"],
    ["0050-06-01T00:00:00Z", "0050-06-01T00:00:00.000Z"],
  ])("reads ISO 8601: %s", (text, iso) => {
    expect(new Date(parseInstant(text)).toISOString()).toBe(iso);
  });

  it.each([
    ["2024-01-01T10:00:00", "2024-01-01T10:00:00.000Z"],
    ["2024-01-01 10:00:00.123456", "2024-01-01T10:00:00.123Z"],
  ])("reads a record time without zone as UTC, and a space before the time: %s", (text, iso) => {
    expect(new Date(parseInstant(text)).toISOString()).toBe(iso);
  });

  it.each([
    "2024-02-30",
    "2023-02-29",
    "2024-13-01",
    "2024-00-10",
    "2024-01-01T24:00Z",
    "2024-01-01T10:60Z",
    "2024-01-01T10:00:60Z",
    "2024-01-01T10:00+24:00",
    "2024-1-1",
    "20240101",
    "yesterday",
    "January 1, 2024",
    "",
    " 2024-01-01",
  ])("is NaN on what is no datetime: %j", (text) => {
    expect(parseInstant(text)).toBeNaN();
  });
});

describe("instantOf", () => {
  it("reads Date objects and ISO strings as the same instant", () => {
    expect(instantOf(new Date("2024-01-01T00:00:00Z"))).toBe(instantOf("2024-01-01"));
  });

  it.each([
    ["an invalid Date", new Date(NaN)],
    ["a number of milliseconds", 1704067200000],
    ["an object pretending to be a Date", Object.create(Date.prototype) as unknown],
    ["an array", ["2024-01-01"]],
    ["null", null],
    ["a boolean", true],
  ])("is NaN on %s", (_, value) => {
    expect(instantOf(value)).toBeNaN();
  });
});
