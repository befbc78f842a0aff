/**
 * The figures an ICB analyst compares across PCNs, worked out once from each PCN's checked result and
 * forecast, for the ICB sheets and the roll-up's JSON alike: who the PCN is, its staff, its ARRS sum,
 * what it can claim for the year, how that splits into to date and the rest of the year, what planned
 * posts would add, what would go unspent, and how far its figures can be trusted (errors, warnings,
 * figures not confirmed against the DES). Money is whole pence, summed in pence (engine/pence.ts).
 */
import type { Forecast } from "../engine/forecast-types";
import { sumPounds } from "../engine/pence";
import { personOf } from "../engine/people";
import type { CheckResult, StaffResult } from "../engine/types";
import { ROLES } from "../rules/data/roles";
import type { Finding } from "../rules/types";
import { claimHeaderOf } from "./claim-header";
import type { CheckedPcn } from "./icb-types";

export interface PcnFigures {
  /** From the PCN's ARRS Settings sheet; null until given there. */
  pcnName: string | null;
  odsCode: string | null;
  /** Member practices named on the roster (a Practice column, or a sheet per practice); null when none is named. */
  practices: number | null;
  /** People in post during the year (one person on two rows is one), and their WTE; rows of an unrecognised role count too. */
  staff: number;
  wte: number;
  /** The PCN's ARRS sum; null when its weighted population is not given. */
  entitlement: number | null;
  /** What the roster can claim for the whole year. */
  claimable: number;
  /** The forecast's split of `claimable`, and what planned posts would add; null without a forecast. */
  toDate: number | null;
  restOfYear: number | null;
  plannedPosts: number | null;
  /** ARRS sum − (claimable + planned posts); null without an ARRS sum or a forecast. */
  unspent: number | null;
  errors: number;
  warnings: number;
  /** What the claim rests on that is not confirmed against the DES, in a few words each; empty when nothing. */
  unconfirmed: string[];
}

/** Every finding of a result: the PCN's and each row's. */
export function allFindings(result: CheckResult): Finding[] {
  return [...result.findings, ...result.staff.flatMap((person) => person.findings)];
}

/** Who a PCN is, as each ICB sheet names it: its PCN name (else its file's name), ODS code and file. */
export interface PcnIdentity {
  pcn: string;
  odsCode: string | null;
  /** The file's name without its folder (the folder is the same for a whole batch, and long). */
  file: string;
}

export function pcnIdentity(pcn: Pick<CheckedPcn, "file" | "result">): PcnIdentity {
  const header = claimHeaderOf(pcn.result.settings);
  return { pcn: header.pcnName ?? fileStem(pcn.file), odsCode: header.odsCode, file: fileName(pcn.file) };
}

export function fileName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/** The file's name without its folder or extension. */
export function fileStem(file: string): string {
  return fileName(file).replace(/\.(xlsx|xlsm|csv)$/i, "");
}

const inPostInYear = (person: StaffResult): boolean => person.months.some((m) => m.daysInPost > 0);

export function pcnFigures(pcn: Pick<CheckedPcn, "result" | "forecast">): PcnFigures {
  const { result, forecast } = pcn;
  const header = claimHeaderOf(result.settings);
  const findings = allFindings(result);
  const practices = new Set(result.staff.map((person) => person.practice?.trim()).filter((name): name is string => Boolean(name)));
  const unrecognised = result.staff.filter((person) => person.role === null && inPostInYear(person));
  const people = new Set(unrecognised.map((person, i) => personOf(person) ?? `row:${i}`)).size;
  return {
    pcnName: header.pcnName,
    odsCode: header.odsCode,
    practices: practices.size > 0 ? practices.size : null,
    staff: result.byRole.reduce((total, role) => total + role.headcount, 0) + people,
    wte: result.byRole.reduce((total, role) => total + role.wte, 0) + unrecognised.reduce((total, person) => total + (person.wte ?? 0), 0),
    entitlement: result.totals.entitlement,
    claimable: result.totals.claimable,
    ...forecastFigures(forecast),
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
    unconfirmed: unconfirmedFigures(result, findings),
  };
}

function forecastFigures(forecast: Forecast | null): Pick<PcnFigures, "toDate" | "restOfYear" | "plannedPosts" | "unspent"> {
  if (!forecast) return { toDate: null, restOfYear: null, plannedPosts: null, unspent: null };
  return { toDate: forecast.toDate, restOfYear: forecast.restOfYear, plannedPosts: forecast.plannedPosts, unspent: forecast.unspent };
}

/**
 * What the claim rests on that is not confirmed: the ARRS sum's rate, maximums inferred or from a
 * third party (RATE_UNCONFIRMED), earlier years' maximums (RATE_FLOOR) and maximums from before the
 * year's pay uplift (RATE_BEFORE_UPLIFT). The PCN's own Claim Summary says which, in full.
 */
function unconfirmedFigures(result: CheckResult, findings: readonly Finding[]): string[] {
  const confidence = result.entitlement?.rate.confidence;
  const unconfirmedRows = result.staff.filter((person) => person.findings.some((f) => f.code === "RATE_UNCONFIRMED")).length;
  const words: string[] = [];
  if (confidence === "inferred" || confidence === "third-party") words.push("ARRS sum rate not confirmed");
  if (unconfirmedRows > 0) words.push(`inferred maximums (${rowCount(unconfirmedRows)})`);
  const onFloor = result.staff.filter((person) => person.onEarlierMaximum > 0).length;
  if (onFloor > 0) words.push(`earlier years' maximums (${rowCount(onFloor)})`);
  if (findings.some((f) => f.code === "RATE_BEFORE_UPLIFT")) words.push("maximums from before the pay uplift");
  return words;
}

const rowCount = (rows: number): string => `${rows} ${rows === 1 ? "row" : "rows"}`;

/**
 * How many of the PCNs have an ARRS sum, where some have and some have not: then the totals of the
 * ARRS sum and of what is unspent are of those PCNs only, and must say so. Null when all or none have.
 */
export function sumsKnownForSome(figures: readonly PcnFigures[]): { known: number; of: number } | null {
  const known = figures.filter((f) => f.entitlement !== null).length;
  return known > 0 && known < figures.length ? { known, of: figures.length } : null;
}

/** The roll-up's totals: each figure summed over the PCNs that have it (null when none has it). */
export function totalFigures(figures: readonly PcnFigures[]): Omit<PcnFigures, "pcnName" | "odsCode" | "unconfirmed"> {
  const money = (pick: (f: PcnFigures) => number | null): number | null => {
    const known = figures.map(pick).filter((value): value is number => value !== null);
    return known.length > 0 ? sumPounds(known) : null;
  };
  const count = (pick: (f: PcnFigures) => number | null): number => figures.reduce((total, f) => total + (pick(f) ?? 0), 0);
  return {
    practices: figures.some((f) => f.practices !== null) ? count((f) => f.practices) : null,
    staff: count((f) => f.staff),
    wte: count((f) => f.wte),
    entitlement: money((f) => f.entitlement),
    claimable: money((f) => f.claimable) ?? 0,
    toDate: money((f) => f.toDate),
    restOfYear: money((f) => f.restOfYear),
    plannedPosts: money((f) => f.plannedPosts),
    unspent: money((f) => f.unspent),
    errors: count((f) => f.errors),
    warnings: count((f) => f.warnings),
  };
}

/** One role across the PCNs: how many PCNs have it, its people, WTE, claim and the cost above the maximums. */
export interface RoleAcrossPcns {
  role: string;
  pcns: number;
  headcount: number;
  wte: number;
  claimable: number;
  overMaxGap: number;
}

/** The roles in the order the rules list them, then the rows of no recognised role. */
export function rolesAcrossPcns(results: readonly CheckResult[]): RoleAcrossPcns[] {
  const byRole = new Map<string, RoleAcrossPcns>();
  const add = (key: string, name: string, figures: Omit<RoleAcrossPcns, "role" | "pcns">) => {
    const line = byRole.get(key) ?? { role: name, pcns: 0, headcount: 0, wte: 0, claimable: 0, overMaxGap: 0 };
    byRole.set(key, {
      role: name,
      pcns: line.pcns + 1,
      headcount: line.headcount + figures.headcount,
      wte: line.wte + figures.wte,
      claimable: sumPounds([line.claimable, figures.claimable]),
      overMaxGap: line.overMaxGap + figures.overMaxGap,
    });
  };
  for (const result of results) {
    for (const role of result.byRole) add(role.role, role.roleName, role);
  }
  for (const result of results) {
    const rows = result.staff.filter((person) => person.role === null && inPostInYear(person));
    if (rows.length === 0) continue;
    add("", "Role not recognised", {
      headcount: new Set(rows.map((person, i) => personOf(person) ?? `row:${i}`)).size,
      wte: rows.reduce((total, person) => total + (person.wte ?? 0), 0),
      claimable: sumPounds(rows.map((person) => person.claimable)),
      overMaxGap: rows.reduce((total, person) => total + person.overMaxGap, 0),
    });
  }
  const order = (key: string) => (key === "" ? ROLES.length : ROLES.findIndex((role) => role.id === key));
  return [...byRole.entries()].sort(([a], [b]) => order(a) - order(b)).map(([, line]) => line);
}
