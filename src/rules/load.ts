/**
 * The rule tables in data/*.json turned into the typed values RuleSet uses, and checked as they load.
 * The tables hold every figure and where it comes from; this file holds none. A table that breaks a
 * rule below is refused with a RuleDataError naming the entry, so a wrong edit cannot reach a claim:
 *
 * - dates are real YYYY-MM-DD dates, and no period ends before it starts;
 * - amounts, rates and shares are positive numbers (a share or rate at most 1);
 * - every value has a confidence ("published", "inferred" or "third-party") and a source naming a
 *   document listed in sources.json; a published value names the section it is in (for rule
 *   figures, a section of the Network Contract DES); an inferred value gives its reasoning (note);
 * - roles are those of roles.json, and no amount starts before its role was claimable;
 * - no two values of one kind overlap in time for the same role, region, Agenda for Change band and
 *   mental health practitioner table (an amount for no particular band or table counts for all);
 * - no name on a roster could mean two roles.
 */
import type {
  CapRule, Confidence, EligibilityCondition, EntitlementRate, FundedShare, IsoDate, MaxAmount, MhpTable, OnCostRate,
  Provenance, RoleDefinition, RoleId, Source,
} from "./types";
import { REGIONS } from "./types";
import { Entry, entries, noOverlaps, record, RuleDataError, sameKeyOrWildcard, wholeNumber } from "./table-reader";
import sourcesTable from "./data/sources.json";
import rolesTable from "./data/roles.json";
import maxAmountsTable from "./data/max-amounts.json";
import capsTable from "./data/caps.json";
import entitlementTable from "./data/entitlement.json";
import onCostsTable from "./data/on-costs.json";
import fundedSharesTable from "./data/funded-shares.json";
import eligibilityTable from "./data/eligibility.json";
import unpublishedUpliftsTable from "./data/unpublished-uplifts.json";

export { RuleDataError };

/** The raw tables, one per file. Typed loosely on purpose: the loader checks every field. */
export interface RuleTables {
  sources: unknown;
  roles: unknown;
  maxAmounts: unknown;
  caps: unknown;
  entitlement: unknown;
  onCosts: unknown;
  fundedShares: unknown;
  eligibility: unknown;
  unpublishedUplifts: unknown;
}

export const BUILT_IN_TABLES: RuleTables = {
  sources: sourcesTable,
  roles: rolesTable,
  maxAmounts: maxAmountsTable,
  caps: capsTable,
  entitlement: entitlementTable,
  onCosts: onCostsTable,
  fundedShares: fundedSharesTable,
  eligibility: eligibilityTable,
  unpublishedUplifts: unpublishedUpliftsTable,
};

export interface UnpublishedUplift {
  from: IsoDate;
  to: IsoDate;
  description: string;
}

/** A name that means different roles at different bands ("practice nurse": band 5 or band 6). */
export interface BandDependentAlias {
  alias: string;
  byBand: Record<string, RoleId>;
}

export interface LoadedRules {
  roles: RoleDefinition[];
  bandDependentAliases: BandDependentAlias[];
  maxAmounts: MaxAmount[];
  caps: CapRule[];
  /** The list size from which a PCN counts as large for caps. */
  largePcnListSize: number;
  entitlement: EntitlementRate[];
  onCosts: OnCostRate[];
  fundedShares: FundedShare[];
  eligibility: EligibilityCondition[];
  /** How long after CCT a GP stays claimable while the CCT condition is in force. */
  gpYearsAfterCct: number;
  unpublishedUplifts: UnpublishedUplift[];
}

const CONFIDENCES: readonly Confidence[] = ["published", "inferred", "third-party"];
const MHP_TABLES: readonly MhpTable[] = ["first-in-band", "with-agreement"];
const DES_TITLE = /^Network Contract DES\b/;

type Documents = Map<string, { title: string; href?: string }>;

function readDocuments(table: unknown): Documents {
  const raw = record(record(table, "sources.json").documents, "sources.json documents");
  const documents: Documents = new Map();
  for (const [key, value] of Object.entries(raw)) {
    const entry = new Entry(record(value, `sources.json documents.${key}`), `sources.json documents.${key}`);
    documents.set(key, { title: entry.text("title"), ...(entry.has("href") ? { href: entry.text("href") } : {}) });
  }
  return documents;
}

/**
 * Confidence, source and note. `ruleFigure`: a published value must name a section of the
 * Network Contract DES (rather than of another document, as HMRC's rates are).
 */
function provenance(entry: Entry, documents: Documents, ruleFigure: boolean): Provenance {
  const confidence = entry.oneOf("confidence", CONFIDENCES);
  if (!entry.has("source")) entry.fail("every value needs a source");
  const ref = new Entry(record(entry.raw.source, entry.where), `${entry.where}.source`);
  const key = ref.text("document");
  const document = documents.get(key);
  if (!document) entry.fail(`source document "${key}" is not listed in sources.json`);
  const section = ref.optionalText("section");
  const readAt = ref.optionalText("readAt");
  const note = entry.optionalText("note");
  if (confidence === "published" && !section) entry.fail("a published value must name the section or table it is in");
  if (confidence === "published" && ruleFigure && !DES_TITLE.test(document.title)) {
    entry.fail(`a published figure must name a section of the Network Contract DES, not of "${document.title}"`);
  }
  if (confidence === "inferred" && !note) entry.fail("an inferred value must give its reasoning in a note");
  const source: Source = {
    title: document.title,
    ...(section ? { section } : {}),
    ...(document.href ? { href: document.href } : {}),
    ...(readAt ? { readAt } : {}),
  };
  return { confidence, source, ...(note ? { note } : {}) };
}

function readRoles(table: unknown, documents: Documents): { roles: RoleDefinition[]; bandDependentAliases: BandDependentAlias[] } {
  const roles: RoleDefinition[] = [];
  const aliasOwner = new Map<string, string>();
  for (const entry of entries(table, "roles.json", "roles")) {
    const id = entry.text("id");
    entry.label = id;
    if (roles.some((r) => r.id === id)) entry.fail("a role with this id is already listed");
    const aliases = entry.texts("aliases");
    for (const alias of aliases) {
      const owner = aliasOwner.get(alias);
      if (owner !== undefined && owner !== id) entry.fail(`the name "${alias}" is already a name of ${owner}`);
      aliasOwner.set(alias, id);
    }
    roles.push({
      id: id as RoleId, name: entry.text("name"), aliases, band: entry.text("band"), claimableFrom: entry.date("claimableFrom"),
      ...provenance(entry, documents, true),
    });
  }
  const bandDependentAliases = entries(table, "roles.json", "bandDependentAliases").map((entry) => {
    const alias = entry.text("alias");
    entry.label = alias;
    const byBand = record(entry.raw.byBand, entry.where) as Record<string, RoleId>;
    for (const id of Object.values(byBand)) if (!roles.some((r) => r.id === id)) entry.fail(`"${id}" is not a role in roles.json`);
    return { alias, byBand };
  });
  return { roles, bandDependentAliases };
}

function readMaxAmounts(table: unknown, documents: Documents, roles: RoleDefinition[]): MaxAmount[] {
  const read: { value: MaxAmount; entry: Entry }[] = [];
  for (const entry of entries(table, "max-amounts.json", "amounts")) {
    const ids = entry.texts("roles");
    const region = entry.oneOf("region", REGIONS);
    entry.label = `${ids.join(", ")}, ${region}`;
    const { from, to } = entry.period(false);
    entry.label = `${ids.join(", ")}, ${region}, ${from} to ${to}`;
    const amount = entry.positive("amount");
    const band = entry.optionalText("band");
    const mhpTable = entry.has("mhpTable") ? entry.oneOf("mhpTable", MHP_TABLES) : undefined;
    const shared = provenance(entry, documents, true);
    for (const id of ids) {
      const role = roles.find((r) => r.id === id) ?? entry.fail(`"${id}" is not a role in roles.json`);
      if (from < role.claimableFrom) entry.fail(`${id} was not claimable until ${role.claimableFrom}`);
      const value: MaxAmount = {
        role: role.id, region, from, to: to as IsoDate, amount,
        ...(band !== undefined ? { band } : {}), ...(mhpTable !== undefined ? { mhpTable } : {}),
        ...shared,
      };
      read.push({ value, entry });
    }
  }
  noOverlaps(read, (a, b) => (a.role === b.role && a.region === b.region && sameKeyOrWildcard(a.band, b.band)
    && sameKeyOrWildcard(a.mhpTable, b.mhpTable) ? `${a.role} (${a.region}${a.band ? `, band ${a.band}` : ""}${a.mhpTable ? `, ${a.mhpTable}` : ""})` : null));
  return read.map((r) => r.value);
}

function knownRole(entry: Entry, roles: RoleDefinition[], key = "role"): RoleId {
  const id = entry.text(key);
  if (!roles.some((r) => r.id === id)) entry.fail(`"${id}" is not a role in roles.json`);
  return id as RoleId;
}

function readCaps(table: unknown, documents: Documents, roles: RoleDefinition[]): CapRule[] {
  const read = entries(table, "caps.json", "caps").map((entry) => {
    const role = knownRole(entry, roles);
    const { from, to } = entry.period(true);
    entry.label = `${role}, ${from} to ${to ?? "until further notice"}`;
    const cap = (key: string) => (entry.raw[key] === null ? null : entry.positive(key));
    const value: CapRule = { role, from, to, smallPcn: cap("smallPcn"), largePcn: cap("largePcn"), ...provenance(entry, documents, true) };
    return { value, entry };
  });
  noOverlaps(read, (a, b) => (a.role === b.role ? a.role : null));
  return read.map((r) => r.value);
}

function readEntitlement(table: unknown, documents: Documents): EntitlementRate[] {
  const years = new Set<string>();
  return entries(table, "entitlement.json", "rates").map((entry) => {
    const financialYear = entry.text("financialYear");
    entry.label = financialYear;
    if (!/^\d{4}\/\d{2}$/.test(financialYear)) entry.fail(`"financialYear" must be written like 2025/26`);
    if (years.has(financialYear)) entry.fail("this year already has a rate");
    years.add(financialYear);
    const value: EntitlementRate = {
      financialYear,
      perWeightedPatient: entry.positiveOrNull("perWeightedPatient"),
      fixedPerPcn: entry.positiveOrNull("fixedPerPcn"),
      gpPerWeightedPatient: entry.positiveOrNull("gpPerWeightedPatient"),
      ...provenance(entry, documents, true),
    };
    if (value.perWeightedPatient === null && value.fixedPerPcn === null) entry.fail("a year needs a rate per weighted patient or a fixed sum");
    return value;
  });
}

function readOnCosts(table: unknown, documents: Documents): OnCostRate[] {
  const read = entries(table, "on-costs.json", "rates").map((entry) => {
    const kind = entry.oneOf("kind", ["employer-ni", "employer-pension"] as const);
    const { from, to } = entry.period(true);
    entry.label = `${kind}, ${from} to ${to ?? "until further notice"}`;
    const threshold = entry.number("annualThreshold");
    if (threshold < 0) entry.fail(`"annualThreshold" must not be below 0`);
    const value: OnCostRate = { kind, from, to, rate: entry.positive("rate", 1), annualThreshold: threshold, ...provenance(entry, documents, false) };
    return { value, entry };
  });
  noOverlaps(read, (a, b) => (a.kind === b.kind ? a.kind : null));
  return read.map((r) => r.value);
}

function readFundedShares(table: unknown, documents: Documents, roles: RoleDefinition[]): FundedShare[] {
  const read = entries(table, "funded-shares.json", "shares").map((entry) => {
    const role = knownRole(entry, roles);
    const { from, to } = entry.period(true);
    entry.label = `${role}, ${from} to ${to ?? "until further notice"}`;
    const mhpTable = entry.has("mhpTable") ? entry.oneOf("mhpTable", MHP_TABLES) : undefined;
    const value: FundedShare = {
      role, from, to, share: entry.positive("share", 1), ...(mhpTable !== undefined ? { mhpTable } : {}), ...provenance(entry, documents, true),
    };
    return { value, entry };
  });
  noOverlaps(read, (a, b) => (a.role === b.role && sameKeyOrWildcard(a.mhpTable, b.mhpTable) ? a.role : null));
  return read.map((r) => r.value);
}

const CONDITION_KINDS: readonly EligibilityCondition["kind"][] = ["gp-within-two-years-of-cct", "nurse-not-employed-in-previous-12-months"];

function readEligibility(table: unknown, documents: Documents, roles: RoleDefinition[]): EligibilityCondition[] {
  const read = entries(table, "eligibility.json", "conditions").map((entry) => {
    const kind = entry.oneOf("kind", CONDITION_KINDS);
    const { from, to } = entry.period(true);
    entry.label = `${kind}, ${from} to ${to ?? "until further notice"}`;
    const ids = entry.texts("roles");
    for (const id of ids) if (!roles.some((r) => r.id === id)) entry.fail(`"${id}" is not a role in roles.json`);
    const value: EligibilityCondition = {
      kind, roles: ids as RoleId[], from, to, description: entry.text("description"), ...provenance(entry, documents, true),
    };
    return { value, entry };
  });
  noOverlaps(read, (a, b) => (a.kind === b.kind ? a.kind : null));
  return read.map((r) => r.value);
}

function readUnpublishedUplifts(table: unknown, documents: Documents): UnpublishedUplift[] {
  const read = entries(table, "unpublished-uplifts.json", "uplifts").map((entry) => {
    const { from, to } = entry.period(false);
    entry.label = `${from} to ${to}`;
    provenance(entry, documents, false);
    return { value: { from, to: to as IsoDate, description: entry.text("description") }, entry };
  });
  noOverlaps(read, () => "the same months");
  return read.map((r) => r.value);
}

/** The tables as RuleSet's typed values. Throws a RuleDataError naming the first entry that breaks a rule. */
export function loadRuleTables(tables: RuleTables): LoadedRules {
  const documents = readDocuments(tables.sources);
  const { roles, bandDependentAliases } = readRoles(tables.roles, documents);
  return {
    roles,
    bandDependentAliases,
    maxAmounts: readMaxAmounts(tables.maxAmounts, documents, roles),
    caps: readCaps(tables.caps, documents, roles),
    largePcnListSize: wholeNumber(tables.caps, "caps.json", "largePcnListSize"),
    entitlement: readEntitlement(tables.entitlement, documents),
    onCosts: readOnCosts(tables.onCosts, documents),
    fundedShares: readFundedShares(tables.fundedShares, documents, roles),
    eligibility: readEligibility(tables.eligibility, documents, roles),
    gpYearsAfterCct: wholeNumber(tables.eligibility, "eligibility.json", "gpYearsAfterCct"),
    unpublishedUplifts: readUnpublishedUplifts(tables.unpublishedUplifts, documents),
  };
}

const BUILT_IN = loadRuleTables(BUILT_IN_TABLES);

export const ROLES: readonly RoleDefinition[] = BUILT_IN.roles;
export const BAND_DEPENDENT_ALIASES: readonly BandDependentAlias[] = BUILT_IN.bandDependentAliases;
export const MAX_AMOUNTS: readonly MaxAmount[] = BUILT_IN.maxAmounts;
export const CAP_RULES: readonly CapRule[] = BUILT_IN.caps;
export const LARGE_PCN_LIST_SIZE: number = BUILT_IN.largePcnListSize;
export const ENTITLEMENT_RATES: readonly EntitlementRate[] = BUILT_IN.entitlement;
export const ON_COST_RATES: readonly OnCostRate[] = BUILT_IN.onCosts;
export const FUNDED_SHARES: readonly FundedShare[] = BUILT_IN.fundedShares;
export const ELIGIBILITY_CONDITIONS: readonly EligibilityCondition[] = BUILT_IN.eligibility;
export const GP_YEARS_AFTER_CCT: number = BUILT_IN.gpYearsAfterCct;
export const UNPUBLISHED_UPLIFTS: readonly UnpublishedUplift[] = BUILT_IN.unpublishedUplifts;
