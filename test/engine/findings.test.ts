import { bySeverity, finding, statusOf } from "../../src/engine/findings";
import { findingCodeInfo } from "../../src/rules/finding-codes";

describe("findings", () => {
  test("take the code's severity unless given one, and JSON leaves out what a finding does not have", () => {
    const f = finding({ code: "NOT_IN_YEAR", message: "m", source: "s", rowNumber: 7 });
    expect(JSON.parse(JSON.stringify(f))).toEqual({ code: "NOT_IN_YEAR", severity: findingCodeInfo("NOT_IN_YEAR").severity, message: "m", source: "s", rowNumber: 7 });
    expect(finding({ code: "NOT_IN_YEAR", message: "m", source: "s", severity: "error" }).severity).toBe("error");
  });

  test("a row's status is its worst finding's severity, or ok", () => {
    const of = (...severities: ("error" | "warning" | "info")[]) => severities.map((severity) => finding({ code: "MISSING_VALUE", message: "", source: "", severity }));
    expect(statusOf([])).toBe("ok");
    expect(statusOf(of("info"))).toBe("info");
    expect(statusOf(of("info", "error", "warning"))).toBe("error");
  });

  test("sort errors first, then warnings, then information, keeping their order within each", () => {
    const list = ["info", "warning", "error", "warning", "error"].map((severity, i) => finding({ code: "MISSING_VALUE", message: String(i), source: "", severity: severity as "error" }));
    expect(list.sort(bySeverity).map((f) => f.message)).toEqual(["2", "4", "1", "3", "0"]);
  });
});
