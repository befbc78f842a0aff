/**
 * Look-ups over the rule data: "what held on this date?". No rule logic beyond finding the value in
 * force; the engine decides what to do with it. A look-up for a date with no value returns null, never
 * another period's figure.
 */
import type {
  AmountKey, CapRule, EligibilityCondition, EntitlementRate, FundedShare, IsoDate, MaxAmount, MhpTable, OnCostRate,
  Provenance, Region, RoleDefinition, RoleId,
} from "./types";
import {
  BAND_DEPENDENT_ALIASES, CAP_RULES, ELIGIBILITY_CONDITIONS, ENTITLEMENT_RATES, FUNDED_SHARES, LARGE_PCN_LIST_SIZE, MAX_AMOUNTS,
  ON_COST_RATES, ROLES, UNPUBLISHED_UPLIFTS,
} from "./load";

/** A maximum amount the user gave in an "ARRS max reimb" sheet, for one financial year. */
export interface RateOverride {
  role: RoleId;
  region: Region;
  amount: number;
  /** First and last day of the financial year the sheet is for. */
  from: IsoDate;
  to: IsoDate;
  sheetName: string;
  rowNumber: number;
  /** For amounts that depend on the band or MHP table (mental health practitioners from 2025/26). */
  band?: string;
  mhpTable?: MhpTable;
  /**
   * The workbook the sheet is in, when it is not the roster's own (`arrs check --rates FILE`): its
   * file name as the user gave it.
   */
  workbook?: string;
}

export interface RuleData {
  roles: readonly RoleDefinition[];
  maxAmounts: readonly MaxAmount[];
  caps: readonly CapRule[];
  entitlement: readonly EntitlementRate[];
  onCosts: readonly OnCostRate[];
  fundedShares: readonly FundedShare[];
  eligibility: readonly EligibilityCondition[];
  unpublishedUplifts: readonly { from: IsoDate; to: IsoDate; description: string }[];
}

export const BUILT_IN_RULES: RuleData = {
  roles: ROLES,
  maxAmounts: MAX_AMOUNTS,
  caps: CAP_RULES,
  entitlement: ENTITLEMENT_RATES,
  onCosts: ON_COST_RATES,
  fundedShares: FUNDED_SHARES,
  eligibility: ELIGIBILITY_CONDITIONS,
  unpublishedUplifts: UNPUBLISHED_UPLIFTS,
};

/** The first date any rule covers (in scheme.ts, which loads none of the tables). */
export { SCHEME_START } from "./scheme";

function inForce(from: IsoDate, to: IsoDate | null, date: IsoDate): boolean {
  return from <= date && (to === null || date <= to);
}

/** Lower case, "&" as "and", "(ARRS)" and punctuation dropped, spaces folded. */
export function normaliseRoleText(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/\bco-ordinator\b/g, "coordinator")
    .replace(/[()[\]{}'".,;:/\\_–—-]/g, " ")
    .replace(/\b(arrs|pcn)\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function withoutBand(text: string): string {
  return text.replace(/\bband\s*\d+[a-d]?\b/g, " ").replace(/\s+/g, " ").trim();
}

export class RuleSet {
  private readonly aliasIndex = new Map<string, RoleDefinition>();
  /** The roles by id (the first with each id, as a search of the list would find). */
  private readonly roleIndex = new Map<RoleId, RoleDefinition>();

  constructor(
    readonly data: RuleData = BUILT_IN_RULES,
    readonly overrides: readonly RateOverride[] = [],
  ) {
    for (const role of data.roles) {
      if (!this.roleIndex.has(role.id)) this.roleIndex.set(role.id, role);
      for (const name of [role.id.replace(/-/g, " "), role.name, ...role.aliases]) {
        this.aliasIndex.set(normaliseRoleText(name), role);
      }
    }
  }

  /** A copy of this rule set in which the user's own figures take precedence over built-in ones. */
  withRateOverrides(overrides: readonly RateOverride[]): RuleSet {
    return new RuleSet(this.data, [...this.overrides, ...overrides]);
  }

  get roles(): readonly RoleDefinition[] {
    return this.data.roles;
  }

  role(id: RoleId): RoleDefinition {
    const role = this.roleIndex.get(id);
    if (!role) throw new Error(`Unknown role id ${id}`);
    return role;
  }

  /**
   * The scheme role a roster's free text names, or null. `band` settles names such as
   * "Practice nurse" that mean different roles at different bands.
   */
  resolveRole(text: string, band?: string | null): RoleDefinition | null {
    const normalised = normaliseRoleText(text);
    if (!normalised) return null;
    const bandNumber = band ? /(\d+[a-d]?)/i.exec(String(band))?.[1]?.toLowerCase() ?? null : null;
    const inlineBand = /\bband\s*(\d+[a-d]?)\b/.exec(normalised)?.[1] ?? null;
    for (const candidate of [normalised, withoutBand(normalised)]) {
      const direct = this.aliasIndex.get(candidate);
      if (direct) return direct;
      const banded = BAND_DEPENDENT_ALIASES.find((entry) => entry.alias === candidate);
      const effectiveBand = bandNumber ?? inlineBand;
      if (banded && effectiveBand && banded.byBand[effectiveBand]) return this.role(banded.byBand[effectiveBand]);
    }
    return null;
  }

  isClaimable(role: RoleId, date: IsoDate): boolean {
    return date >= this.role(role).claimableFrom;
  }

  /** Roles claimable on a date, in the order the scheme added them. */
  rolesClaimableOn(date: IsoDate): RoleDefinition[] {
    return this.data.roles.filter((role) => role.claimableFrom <= date);
  }

  /**
   * The maximum amount for a role in a region on a date: the user's figure for that year if the
   * workbook gives one, else the built-in figure, else null. No other region is consulted.
   */
  maxAmount(role: RoleId, date: IsoDate, region: Region, key: AmountKey = {}): MaxAmount | null {
    const own = this.overrides.find((o) => o.role === role && o.region === region && sameKey(o, key) && inForce(o.from, o.to, date));
    if (own) return userAmount(own);
    return this.builtInAmount(role, date, region, key);
  }

  /** The built-in amount alone, as if no sheet of the user's gave one. */
  builtInAmount(role: RoleId, date: IsoDate, region: Region, key: AmountKey = {}): MaxAmount | null {
    return this.data.maxAmounts.find((m) => m.role === role && m.region === region && sameKey(m, key) && inForce(m.from, m.to, date)) ?? null;
  }

  /**
   * The latest amount in force before `date` for the same role, region, band and table, built in or
   * the user's: the floor under a figure not yet on record (amounts have only ever risen).
   */
  earlierAmount(role: RoleId, date: IsoDate, region: Region, key: AmountKey = {}): MaxAmount | null {
    const candidates: MaxAmount[] = [
      ...this.overrides.filter((o) => o.role === role && o.region === region && sameKey(o, key) && o.to < date).map(userAmount),
      ...this.data.maxAmounts.filter((m) => m.role === role && m.region === region && sameKey(m, key) && m.to < date),
    ];
    return candidates.reduce<MaxAmount | null>((latest, m) => (latest === null || m.to > latest.to ? m : latest), null);
  }

  /** The WTE cap for a role on a date, or null when there is none. Needs the list size to choose. */
  cap(role: RoleId, date: IsoDate): CapRule | null {
    return this.data.caps.find((c) => c.role === role && inForce(c.from, c.to, date)) ?? null;
  }

  static capFor(rule: CapRule, listSize: number): number | null {
    return listSize >= LARGE_PCN_LIST_SIZE ? rule.largePcn : rule.smallPcn;
  }

  entitlementRate(financialYear: string): EntitlementRate | null {
    return this.data.entitlement.find((e) => e.financialYear === financialYear) ?? null;
  }

  onCostRate(kind: OnCostRate["kind"], date: IsoDate): OnCostRate | null {
    return this.data.onCosts.find((r) => r.kind === kind && inForce(r.from, r.to, date)) ?? null;
  }

  fundedShare(role: RoleId, date: IsoDate, key: AmountKey = {}): FundedShare | null {
    return this.data.fundedShares.find((s) => s.role === role && sameKey(s, key) && inForce(s.from, s.to, date)) ?? null;
  }

  eligibilityConditions(role: RoleId, date: IsoDate): EligibilityCondition[] {
    return this.data.eligibility.filter((c) => c.roles.includes(role) && inForce(c.from, c.to, date));
  }

  /** The uplift, if any, known to supersede built-in amounts on this date without its figures being found. */
  unpublishedUplift(date: IsoDate): { description: string } | null {
    return this.data.unpublishedUplifts.find((u) => inForce(u.from, u.to, date)) ?? null;
  }
}

/** Band and table match: an amount for no particular band or table serves any. */
function sameKey(amount: { band?: string; mhpTable?: MhpTable }, key: AmountKey): boolean {
  return (amount.band === undefined || amount.band === (key.band ?? undefined))
    && (amount.mhpTable === undefined || amount.mhpTable === (key.mhpTable ?? undefined));
}

function userAmount(own: RateOverride): MaxAmount {
  const where = own.workbook ? `"${own.sheetName}" sheet of ${own.workbook}` : `"${own.sheetName}" sheet in this workbook`;
  return {
    role: own.role, region: own.region, from: own.from, to: own.to, amount: own.amount, confidence: "user",
    source: { title: where, section: `row ${own.rowNumber}` },
    ...(own.band !== undefined ? { band: own.band } : {}),
    ...(own.mhpTable !== undefined ? { mhpTable: own.mhpTable } : {}),
  };
}

/** How sure a value is, in a practice manager's words. */
const CONFIDENCE_WORDS: Record<Provenance["confidence"], string> = {
  published: "published",
  inferred: "inferred from published figures, not yet confirmed",
  "third-party": "from a third party, not yet confirmed",
  user: "your own figure",
};

/** Rule data does not change, so each value's citation is made once (findings cite it on every row). */
const described = new WeakMap<Provenance, string>();

/**
 * "Network Contract DES Contract specification 2025/26 – PCN Requirements and Entitlements, Table 2
 * (published)": the document and its section, and how sure the value is. Where the figure was read
 * (source.readAt) is left to docs/rules.md, to keep a finding's citation short.
 */
export function describeSource(value: Provenance): string {
  let text = described.get(value);
  if (text === undefined) {
    const where = [value.source.title, value.source.section].filter(Boolean).join(", ");
    text = `${where} (${CONFIDENCE_WORDS[value.confidence]})`;
    described.set(value, text);
  }
  return text;
}
