import { describe, expect, it } from "vitest";
import { textMatcher, textWords } from "../../src/evaluate/text-words.js";

describe("textWords", () => {
  it.each([
    ["USB Cable", ["usb", "cable"]],
    ["usb-cable_2m, (black)", ["usb", "cable", "2m", "black"]],
    ["  ", []],
    ["", []],
    ["Ünïcödé Straße", ["ünïcödé", "straße"]],
    ["東京 タワー", ["東京", "タワー"]],
    ["٣ apples", ["٣", "apples"]],
    ["a a A", ["a", "a", "a"]],
    ["😀smile😀", ["smile"]],
  ])("splits into lower-case words of Unicode letters and digits: %j", (text, words) => {
    expect(textWords(text)).toEqual(words);
  });
});

describe("textMatcher", () => {
  it.each([
    ["usb cable", "A USB-C charging cable", true],
    ["cable usb", "A USB-C charging cable", true],
    ["usb cable", "usb charger", false],
    ["cab", "a usb cable", false],
    ["USB", "usb", true],
    ["usb", "USB", true],
    ["usb usb", "usb", true],
    ["straße", "STRASSE", false],
    ["ÉCOLE", "école primaire", true],
    ["usb, cable!", "cable/usb", true],
  ])("every query word must be among the text's words, in any order, ignoring case: %j in %j is %s", (q, text, expected) => {
    expect(textMatcher(q)(text)).toBe(expected);
  });

  it("a query with no words at all is satisfied by any text", () => {
    expect(textMatcher("!!! ...")("anything")).toBe(true);
    expect(textMatcher("")("")).toBe(true);
  });

  it("can be called again and again on different texts (no state left behind)", () => {
    const match = textMatcher("red car");
    expect(match("a red car")).toBe(true);
    expect(match("a red bike")).toBe(false);
    expect(match("car, red")).toBe(true);
    const single = textMatcher("car");
    expect(single("car car")).toBe(true);
    expect(single("bus")).toBe(false);
    expect(single("the car")).toBe(true);
  });
});
