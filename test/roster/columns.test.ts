import { columnNumber, headerField, HEADER_RULES, matchHeader, normaliseHeader } from "../../src/roster/columns";
import type { RosterField } from "../../src/roster/types";

describe("normaliseHeader", () => {
  test.each([
    ["Annual salary (£)", "annual salary"],
    ["Role (ARRS)", "role"],
    ["Employer's\nNI", "employers ni"],
    ["WTE (37.5 hrs = 1.0)", "wte 37.5 hrs 1.0"],
    ["Payroll no.", "payroll no"],
    ["Health & Wellbeing", "health and wellbeing"],
  ])("%p → %p", (input, expected) => {
    expect(normaliseHeader(input)).toBe(expected);
  });
});

describe("headerField: the aliases in the brief", () => {
  const cases: [RosterField, string[]][] = [
    ["name", ["Name", "Staff name", "Employee", "Employee name", "Full name", "STAFF NAME"]],
    ["staffId", ["Staff ID", "Employee number", "Payroll no", "Assignment number", "ID", "Payroll No."]],
    ["role", ["Role", "Job title", "Post", "Position", "ARRS role", "Role title", "Role (ARRS)", "Job Title / Role"]],
    ["band", ["Band", "AfC band", "Agenda for Change band", "Grade", "AfC Pay Band"]],
    ["wte", ["WTE", "FTE", "Whole time equivalent", "Full time equivalent", "WTE (37.5 hrs = 1.0)", "Contracted WTE"]],
    ["hoursPerWeek", ["Hours", "Hours per week", "Contracted hours", "Hrs/wk", "Weekly hours", "Contracted hours per week"]],
    ["sessionsPerWeek", ["Sessions", "Sessions per week", "GP sessions"]],
    ["start", ["Start date", "Start", "Date started", "Contract start", "In post from", "ARRS start date"]],
    ["end", ["End date", "Leaving date", "Leave date", "Contract end", "End", "Date left", "End date (if applicable)"]],
    ["annualSalary", ["Annual salary", "Salary", "Actual salary", "Basic salary", "Gross annual salary", "Salary (actual)",
      "Annual pay", "Annual salary (£)", "Salary pro rata to WTE"]],
    ["fullTimeSalary", ["FTE salary", "Full time salary", "Full-time salary", "Whole time salary", "Salary (FTE)",
      "Salary at 1.0 WTE", "Pay scale salary", "Basic salary (FTE)"]],
    ["employerNi", ["Employer NI", "Employers NI", "Er NI", "ERs NI", "Employer National Insurance", "NI (employer)",
      "Employer's NI (£)", "Employer NI contributions"]],
    ["employerPension", ["Employer pension", "Employers pension", "Er pension", "Employer superannuation",
      "Pension (employer)", "Employer pension contribution", "Employer's pension (14.38%)"]],
    ["cctDate", ["CCT date", "Date of CCT", "CCT"]],
    ["employedInLast12Months", ["Employed in PCN in last 12 months", "Worked in PCN in last 12 months",
      "Previously employed by PCN or member practice", "Employed by PCN in previous 12 months",
      "Employed by PCN/practice in last 12 months?"]],
  ];
  for (const [field, headers] of cases) {
    test.each(headers)(`%p → ${field}`, (header) => {
      expect(headerField(header)).toBe(field);
    });
  }
});

describe("headerField: what must not be mapped, or mapped elsewhere", () => {
  test.each([
    ["the employee's own NI", "Employee NI", null],
    ["the employee's own pension", "Employee pension", null],
    ["an NI number", "NI number", null],
    ["restart is not start", "Restart", null],
    ["a monthly salary is read × 12 as the salary", "Monthly salary", "annualSalary"],
    ["an hourly rate", "Hourly rate", null],
    ["a monthly hourly rate", "Hourly rate (monthly)", null],
    ["a monthly total", "Monthly total cost", null],
    ["a total including on-costs", "Total cost inc on-costs", null],
    ["the practice's name is the member practice, not the person's name", "Practice name", "practice"],
    ["a practice manager's name", "Practice manager name", null],
    ["maternity leave start", "Maternity leave start date", null],
    ["a bare NI (may be the employee's)", "NI", null],
    ["an employer NI rate", "Employer NI %", null],
    ["nothing recognisable", "Favourite colour", null],
    ["a number", 42, null],
    ["FTE salary is not WTE", "FTE salary", "fullTimeSalary"],
    ["role start date is a start date", "Role start date", "start"],
    ["a title row mentioning roles", "ARRS roster 2025/26", null],
  ])("%s: %p → %p", (_name, header, expected) => {
    expect(headerField(header)).toBe(expected);
  });
});

describe("matchHeader", () => {
  test("first name and surname are halves of the name", () => {
    expect(matchHeader("First name")).toEqual({ kind: "field", field: "firstName", exact: true });
    expect(matchHeader("Surname")).toEqual({ kind: "field", field: "lastName", exact: true });
    expect(matchHeader("Last name")).toEqual({ kind: "field", field: "lastName", exact: true });
    expect(headerField("Forename")).toBe("name");
  });
  test("the tool's own columns are marked, not mapped", () => {
    expect(matchHeader("ARRS status")).toEqual({ kind: "owned" });
    expect(matchHeader("ARRS claimable 2025/26")).toEqual({ kind: "owned" });
  });
  test("ignored headers say why", () => {
    const match = matchHeader("Employee NI");
    expect(match.kind).toBe("ignored");
    expect(match.kind === "ignored" && match.why).toMatch(/not a cost to the PCN/);
  });
  test("exact names win over patterns; patterns are flagged as such", () => {
    expect(matchHeader("Salary")).toEqual({ kind: "field", field: "annualSalary", exact: true });
    expect(matchHeader("Salary paid")).toEqual({ kind: "field", field: "annualSalary", exact: false });
  });
  test("every rule explains itself", () => {
    for (const rule of HEADER_RULES) expect(rule.why.length).toBeGreaterThan(10);
  });
});

describe("columnNumber", () => {
  test.each([["A", 1], ["z", 26], ["AA", 27], [" C ", 3], ["Role", null], ["1", null]])("%p → %p", (input, expected) => {
    expect(columnNumber(input as string)).toBe(expected);
  });
});
