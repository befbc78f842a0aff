#!/usr/bin/env node
/**
 * docs/rules.md from the rule tables built into the checker (src/rules/data/*.json, as loaded by
 * src/rules/load.ts): every figure the checker uses, with its dates, source and how sure it is.
 * `npm run docs:rules` builds lib/ and rewrites the page; test/project/rules-doc.test.ts renders it
 * from src/ and fails when docs/rules.md differs. Pure: no clock, no file access.
 */
const fs = require("node:fs");
const path = require("node:path");

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const REGIONS = ["national", "outer-london", "inner-london"];
const REGION_WORDS = { national: "national", "outer-london": "outer London", "inner-london": "inner London" };
const MHP_TABLE_WORDS = { "first-in-band": "first in its band (Table 3a, 50%)", "with-agreement": "with a written agreement (Table 3b, up to 100%)" };
/** The same words the checker's findings use (describeSource in src/rules/ruleset.ts). */
const CONFIDENCE_WORDS = {
  published: "published", inferred: "inferred from published figures, not yet confirmed",
  "third-party": "from a third party, not yet confirmed", user: "your own figure",
};
const SHORT_CONFIDENCE = { published: "published", inferred: "inferred", "third-party": "third party" };

/** "2019-07-01" → "1 Jul 2019". */
const ukDate = (iso) => { const [y, m, d] = iso.split("-").map(Number); return `${d} ${MONTHS[m - 1]} ${y}`; };
/** "2019-07-01" → "Jul 2019". */
const monthYear = (iso) => { const [y, m] = iso.split("-").map(Number); return `${MONTHS[m - 1]} ${y}`; };
/** 99999 → "99,999". */
const count = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
/** 37810 → "£37,810"; 26.631 → "£26.631" (as many decimals as the figure has). */
const pounds = (amount) => { const [whole, fraction] = String(amount).split("."); return `£${count(whole)}${fraction ? `.${fraction}` : ""}`; };
/** 0.1505 → "15.05%"; 0.7 → "70%". */
const percent = (fraction) => `${(fraction * 100).toFixed(2).replace(/\.?0+$/, "")}%`;
const period = (from, to) => (to === null ? `from ${ukDate(from)}` : `${ukDate(from)} to ${ukDate(to)}`);
/** Text safe inside a Markdown table cell. */
const cell = (text) => String(text).replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");

function table(headers, rows) {
  return [
    `| ${headers.join(" | ")} |`,
    `|${headers.map(() => "---").join("|")}|`,
    ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`),
  ];
}

/** "Network Contract DES Contract specification 2025/26 – PCN Requirements and Entitlements, Table 2; read at …". */
function sourceText(value) {
  const where = [value.source.title, value.source.section].filter(Boolean).join(", ");
  return value.source.readAt ? `${where}; read at: ${value.source.readAt}` : where;
}

/** How sure, in words, with the reasoning or caveat. */
function confidenceText(value) {
  const words = CONFIDENCE_WORDS[value.confidence] ?? String(value.confidence);
  return value.note ? `${words}. ${value.note}` : words;
}

/** The 1st of every month from `from` to `to` (both ISO dates, inclusive of the month `to` falls in). */
function monthsBetween(from, to) {
  const months = [];
  let [y, m] = from.split("-").map(Number);
  const [toY, toM] = to.split("-").map(Number);
  while (y < toY || (y === toY && m <= toM)) {
    months.push(`${y}-${String(m).padStart(2, "0")}-01`);
    m += 1;
    if (m === 13) { m = 1; y += 1; }
  }
  return months;
}

/** Runs of consecutive months in `months` (a Set), as "Apr 2020 to Sep 2022" or "Apr 2026". */
function monthRuns(months, all) {
  const runs = [];
  let start = null;
  let previous = null;
  for (const month of [...all, null]) {
    const missing = month !== null && months.has(month);
    if (missing && start === null) start = month;
    if (!missing && start !== null) {
      runs.push(start === previous ? monthYear(start) : `${monthYear(start)} to ${monthYear(previous)}`);
      start = null;
    }
    previous = month;
  }
  return runs;
}

/** 2025 → "2025/26". */
const yearName = (start) => `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
const financialYearOf = (iso) => { const [y, m] = iso.split("-").map(Number); return yearName(m >= 4 ? y : y - 1); };

/** The last day any built-in figure covers: the end of the last financial year the data speaks of. */
function lastDayCovered(rules) {
  const ends = [...rules.maxAmounts.map((a) => a.to), ...rules.entitlement.map((e) => `${Number(e.financialYear.slice(0, 4)) + 1}-03-31`)];
  return ends.reduce((last, end) => (end > last ? end : last), "0000-00-00");
}

/** Months from the role's start to `lastDay` with no national amount (for any band or table). */
function missingNationalMonths(rules, role, allMonths) {
  const national = rules.maxAmounts.filter((a) => a.role === role.id && a.region === "national");
  return new Set(allMonths.filter((month) => month >= role.claimableFrom && !national.some((a) => a.from <= month && month <= a.to)));
}

function byDateThenRegion(a, b) {
  if (a.from !== b.from) return a.from < b.from ? -1 : 1;
  return REGIONS.indexOf(a.region) - REGIONS.indexOf(b.region) || String(a.band ?? "").localeCompare(String(b.band ?? ""))
    || String(a.mhpTable ?? "").localeCompare(String(b.mhpTable ?? ""));
}

/** Plain words on the scheme, the marks, the documents, the gaps and the user's own figures. */
function opening(rules, add, lastDay) {
  const amounts = rules.maxAmounts;
  const byMark = (mark) => amounts.filter((a) => a.confidence === mark).length;
  add(
    "## How the scheme works",
    "",
    "Under the Additional Roles Reimbursement Scheme (ARRS), part of NHS England's Network Contract DES, a Primary Care Network (PCN) employs or contracts staff in listed roles and claims, month by month, what each person actually costs: salary plus employer National Insurance plus employer pension. For each role there is a maximum a year per whole-time equivalent (WTE): a person's claim for a month is the smaller of their actual cost and the maximum × their WTE, for the part of the month they were in post. The maximum depends on the date (it changes on the 1st of a month, sometimes inside a year) and on whether the PCN is in outer or inner London. Claims go through the national portal and are approved by the Integrated Care Board (ICB). All the claims of a year together must stay within the PCN's ARRS sum: £ per weighted patient × the PCN's weighted population at 1 January before the year. Money not claimed by 31 March is lost.",
    "",
    "## How sure each figure is",
    "",
    `Each figure below carries one of three marks (of the ${amounts.length} maximum amounts: ${byMark("published")} published,`,
    `${byMark("inferred")} inferred, ${byMark("third-party")} from a third party):`,
    "",
    "- **published**: quoted by at least one public source that names the DES for that year;",
    "- **inferred from published figures, not yet confirmed**: arithmetic on published figures, or the same amount as a published role of the same Agenda for Change band (the DES gives one amount per band); the reasoning is given beside it;",
    "- **from a third party, not yet confirmed**: only a calculator or similar page gives it. The 2025/26 band table of such a calculator matches every published 2025/26 figure it can be checked against.",
    "",
    "A result that rests on a figure that is not published says so, with the figure and its source.",
    "",
    "## Where the figures come from",
    "",
    "The main source is NHS England's *Network Contract DES Contract specification – PCN Requirements and Entitlements* for each financial year: its ARRS section, Table 2 (maximum amounts per role; from 2025/26 also Tables 3a and 3b for mental health practitioners) and Annex B (the roles). Each figure names the document and section it comes from; where it was read on a page quoting the document, that page is named too. The documents cited:",
    "",
  );
  const all = [...rules.roles, ...amounts, ...rules.caps, ...rules.entitlement, ...rules.onCosts, ...rules.fundedShares, ...rules.eligibility];
  const documents = new Map();
  for (const v of all) if (!documents.has(v.source.title)) documents.set(v.source.title, v.source.href);
  for (const [title, href] of [...documents].sort(([a], [b]) => a.localeCompare(b))) add(`- ${title}${href ? ` (<${href}>)` : ""}`);
  const pages = new Map();
  for (const v of amounts) if (v.source.readAt) pages.set(v.source.readAt, (pages.get(v.source.readAt) ?? 0) + 1);
  for (const v of [...rules.entitlement, ...rules.fundedShares]) if (v.source.readAt) pages.set(v.source.readAt, pages.get(v.source.readAt) ?? 0);
  add("", "Pages the figures were read on, where not the document itself:", "");
  for (const [page, n] of pages) add(`- ${page}${n > 0 ? ` (${n} maximum amount${n === 1 ? "" : "s"})` : ""}`);

  add("", "## What is not known", "");
  for (const u of rules.unpublishedUplifts ?? []) {
    add(`- The amounts after ${u.description}: the figures held for ${ukDate(u.from)} to ${ukDate(u.to)} are those published before it.`);
  }
  const allMonths = monthsBetween("2019-07-01", lastDay);
  const rolesByRun = new Map();
  for (const role of rules.roles) {
    for (const run of monthRuns(missingNationalMonths(rules, role, allMonths), allMonths)) {
      rolesByRun.set(run, [...(rolesByRun.get(run) ?? []), role.name]);
    }
  }
  const runs = [...rolesByRun].sort(([a], [b]) => {
    const start = (run) => { const [mon, year] = run.split(" "); return Number(year) * 12 + MONTHS.indexOf(mon); };
    return start(a) - start(b) || a.localeCompare(b);
  });
  add("- National maximum amounts for these months (the checker claims nothing for them until you give the figure):");
  for (const [run, names] of runs) add(`  - ${run}: ${names.length === rules.roles.length ? "every role" : names.join(", ")}`);
  const years = rules.entitlement.map((e) => e.financialYear);
  const firstYear = Number(years[0]?.slice(0, 4));
  const lastYear = Number(years[years.length - 1]?.slice(0, 4));
  const missingYears = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => yearName(firstYear + i)).filter((fy) => !years.includes(fy));
  if (missingYears.length > 0) add(`- The ARRS sum per weighted patient for ${missingYears.join(" and ")}.`);
  for (const e of rules.entitlement.filter((r) => r.confidence !== "published")) {
    add(`- Whether the ${e.financialYear} ARRS sum of ${pounds(e.perWeightedPatient ?? e.fixedPerPcn)} per weighted patient is right. ${e.note ?? ""}`.trim());
  }
  add("- Most London amounts before 2025/26. Where no London figure is held, the national one is used and the result says so.", "");

  add(
    "## Using your own figures",
    "",
    "Your own figures always take precedence over the ones below. Give them in either of two ways:",
    "",
    "- a sheet in the roster workbook named like \"ARRS max reimb 26-27\": a table of roles (with the Agenda for Change band where it matters) against the annual maximum, with outer and inner London columns if you need them, copied from the year's DES specification (Table 2, and Tables 3a and 3b for mental health practitioners);",
    "- a separate workbook with such a sheet, for example one your ICB sends to all its PCNs: `arrs check roster.xlsx --rates FILE.xlsx`.",
    "",
    "Every result that used your figures says so.",
    "",
  );
}

/** The latest year with amounts, one line per role (and band and table): the figures in use at a glance. */
function atAGlance(rules, add, name) {
  const latest = rules.maxAmounts.reduce((last, a) => (a.from > last ? a.from : last), "0000-00-00");
  const year = financialYearOf(latest);
  const inYear = rules.maxAmounts.filter((a) => financialYearOf(a.from) === year);
  const keys = [];
  for (const role of rules.roles) {
    const own = inYear.filter((a) => a.role === role.id).sort(byDateThenRegion);
    const seen = new Set();
    for (const a of own) {
      const key = `${a.band ?? ""}|${a.mhpTable ?? ""}`;
      if (!seen.has(key)) { seen.add(key); keys.push({ role, band: a.band, mhpTable: a.mhpTable }); }
    }
    if (own.length === 0 && role.claimableFrom <= latest) keys.push({ role });
  }
  const amountCell = (k, region) => {
    const a = inYear.find((x) => x.role === k.role.id && x.region === region && x.band === k.band && x.mhpTable === k.mhpTable);
    return a ? `${pounds(a.amount)} (${SHORT_CONFIDENCE[a.confidence]})` : "not known";
  };
  add(
    `## ${year} at a glance`,
    "",
    `The maximum amounts a year per 1.0 WTE held for ${year}, by region; each is explained in full under`,
    "its role below.",
    "",
    ...table(["role", "band", "national", "outer London", "inner London"], keys.map((k) => [
      `${name(k.role.id)}${k.mhpTable ? `, ${MHP_TABLE_WORDS[k.mhpTable]}` : ""}`, k.band ?? k.role.band,
      ...REGIONS.map((region) => amountCell(k, region)),
    ])),
    "",
  );
}

/**
 * The page. `input.rules` is the checker's RuleData (BUILT_IN_RULES); `bandDependentAliases`,
 * `largePcnListSize` and `gpYearsAfterCct` are what the data keeps beside it.
 */
function renderRulesDoc(input) {
  const { rules, largePcnListSize, gpYearsAfterCct } = input;
  const roleName = new Map(rules.roles.map((r) => [r.id, r.name]));
  const name = (id) => roleName.get(id) ?? id;
  const lastDay = lastDayCovered(rules);
  const lines = [];
  const add = (...more) => lines.push(...more);

  add(
    "# The ARRS rules and figures built into the checker",
    "",
    "<!-- Generated by `npm run docs:rules` from the checker's rule tables (src/rules/data/*.json). Do not edit by hand: change the tables and run it again; test/project/rules-doc.test.ts fails until you do. -->",
    "",
    "Every figure the checker uses is listed here, with the dates it holds for, where it comes from and how sure it is, so that you can check any of them against its document. Dates are inclusive.",
    "",
  );
  opening(rules, add, lastDay);
  atAGlance(rules, add, name);

  // ---- Roles ----
  add(
    "## Roles",
    "",
    "When each role became claimable, its Agenda for Change band in the DES, and the names a roster may use for it (matched ignoring case, punctuation and \"(ARRS)\").",
    "",
    ...table(["role", "claimable from", "band", "names recognised", "note", "source"], rules.roles.map((r) => [
      r.name, ukDate(r.claimableFrom), r.band, r.aliases.join(", "), r.note ?? "", sourceText(r),
    ])),
    "",
  );
  const bandDependent = input.bandDependentAliases ?? [];
  if (bandDependent.length > 0) {
    add("Names that mean a different role by band (without a band they are not recognised, rather than guessed):", "");
    for (const entry of bandDependent) {
      add(`- "${entry.alias}": ${Object.entries(entry.byBand).map(([band, id]) => `band ${band}: ${name(id)}`).join("; ")}`);
    }
    add("");
  }

  // ---- Maximum amounts ----
  add(
    "## Maximum reimbursable amounts",
    "",
    "A year's amount per 1.0 WTE, including employer NI and employer pension. A month is claimed against the amount in force on its 1st day, for the PCN's region.",
    "",
  );
  for (const u of rules.unpublishedUplifts ?? []) {
    add(`Amounts from ${ukDate(u.from)} to ${ukDate(u.to)} predate ${u.description};`,
      "the uplifted amounts are not held, and the checker says so whenever it uses one of these.", "");
  }
  const allMonths = monthsBetween("2019-07-01", lastDay);
  for (const role of rules.roles) {
    const amounts = rules.maxAmounts.filter((a) => a.role === role.id).sort(byDateThenRegion);
    const banded = amounts.some((a) => a.band !== undefined || a.mhpTable !== undefined);
    add(`### ${role.name}`, "");
    if (amounts.length > 0) {
      const headers = ["from", "to", "region", ...(banded ? ["band", "table"] : []), "amount", "how sure", "source"];
      add(...table(headers, amounts.map((a) => [
        ukDate(a.from), ukDate(a.to), REGION_WORDS[a.region],
        ...(banded ? [a.band ?? "any", a.mhpTable ? MHP_TABLE_WORDS[a.mhpTable] : "any"] : []),
        pounds(a.amount), confidenceText(a), sourceText(a),
      ])), "");
    }
    const runs = monthRuns(missingNationalMonths(rules, role, allMonths), allMonths);
    add(runs.length === 0
      ? `A national figure is held for every month from ${monthYear(role.claimableFrom)} to ${monthYear(lastDay)}.`
      : `Months from ${monthYear(role.claimableFrom)} to ${monthYear(lastDay)} with no national figure held: ${runs.join("; ")}.`, "");
  }

  // ---- Caps ----
  add(
    "## Caps on numbers",
    "",
    `The most WTE of a role a PCN may claim for at the same time, by registered list size (${count(largePcnListSize - 1)}`,
    `or fewer, or ${count(largePcnListSize)} or more). A role with no cap in force has none. Without a list size the lower`,
    "cap is applied, and the checker says so.",
    "",
    ...table(["role", "from", "to", `list size ${count(largePcnListSize - 1)} or fewer`, `${count(largePcnListSize)} or more`, "how sure", "source"],
      [...rules.caps].sort((a, b) => rules.roles.findIndex((r) => r.id === a.role) - rules.roles.findIndex((r) => r.id === b.role) || (a.from < b.from ? -1 : 1))
        .map((c) => [
          name(c.role), ukDate(c.from), c.to === null ? "until further notice" : ukDate(c.to),
          c.smallPcn === null ? "no cap" : `${c.smallPcn} WTE`, c.largePcn === null ? "no cap" : `${c.largePcn} WTE`,
          confidenceText(c), sourceText(c),
        ])),
    "",
  );

  // ---- ARRS sum ----
  add(
    "## The ARRS sum (the PCN's entitlement)",
    "",
    "£ per weighted patient × the PCN Contractor Weighted Population at 1 January before the year. A year not listed has no rate held: the checker says the entitlement is not known.",
    "",
    ...table(["financial year", "£ per weighted patient", "fixed sum per PCN", "ring-fenced for GPs, £ per weighted patient", "how sure", "source"],
      rules.entitlement.map((e) => [
        e.financialYear,
        e.perWeightedPatient === null ? "–" : pounds(e.perWeightedPatient),
        e.fixedPerPcn === null ? "–" : pounds(e.fixedPerPcn),
        e.gpPerWeightedPatient === null ? "–" : pounds(e.gpPerWeightedPatient),
        confidenceText(e), sourceText(e),
      ])),
    "",
  );

  // ---- On-costs ----
  add(
    "## Employer on-cost rates (for estimates only)",
    "",
    "Used only when a roster leaves employer NI or pension blank; the row then says the cost is estimated. Each month is estimated at the rate in force in the middle of that month.",
    "",
    ...table(["on-cost", "period", "rate", "on pay above (a year)", "how sure", "source"],
      rules.onCosts.map((o) => [
        o.kind === "employer-ni" ? "employer NI" : "employer pension",
        period(o.from, o.to), percent(o.rate), o.annualThreshold > 0 ? pounds(o.annualThreshold) : "all pay",
        confidenceText(o), sourceText(o),
      ])),
    "",
  );
  const firstNi = rules.onCosts.filter((o) => o.kind === "employer-ni").map((o) => o.from).sort()[0];
  if (firstNi) {
    add(`No employer NI rate is held before ${ukDate(firstNi)} (the ${financialYearOf(firstNi)} year): a blank employer NI`,
      "for earlier months cannot be estimated, counts as £0, and the row says so.", "");
  }

  // ---- Funded shares ----
  add(
    "## Roles reimbursed at a share of cost",
    "",
    "For these, the claim is the share of the cost, up to the maximum.",
    "",
    ...table(["role", "period", "which", "share of cost", "how sure", "source"],
      rules.fundedShares.map((f) => [
        name(f.role), period(f.from, f.to), f.mhpTable ? MHP_TABLE_WORDS[f.mhpTable] : "all", percent(f.share), confidenceText(f), sourceText(f),
      ])),
    "",
  );

  // ---- Eligibility ----
  add(
    "## Conditions on the person",
    "",
    ...table(["condition", "roles", "period", "how sure", "source"],
      rules.eligibility.map((e) => [
        e.kind === "gp-within-two-years-of-cct"
          ? `${e.description} (The checker uses the roster's CCT date: started more than ${gpYearsAfterCct} years after it is not claimable.)`
          : `${e.description} (The checker uses the roster's "employed in last 12 months" column.)`,
        e.roles.map(name).join(", "), period(e.from, e.to), confidenceText(e), sourceText(e),
      ])),
    "",
  );

  return `${lines.join("\n").replace(/\n+$/, "")}\n`;
}

module.exports = { renderRulesDoc };

if (require.main === module) {
  const root = path.join(__dirname, "..");
  let rulesModule;
  try {
    rulesModule = require(path.join(root, "lib", "rules"));
  } catch (error) {
    console.error(`make-rules-doc: cannot load lib/rules (${error.message}). Run "npm run build:cli" first, or use "npm run docs:rules".`);
    process.exit(1);
  }
  const text = renderRulesDoc({
    rules: rulesModule.BUILT_IN_RULES,
    bandDependentAliases: rulesModule.BAND_DEPENDENT_ALIASES,
    largePcnListSize: rulesModule.LARGE_PCN_LIST_SIZE,
    gpYearsAfterCct: rulesModule.GP_YEARS_AFTER_CCT,
  });
  const target = path.join(root, "docs", "rules.md");
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
  console.log(`Wrote ${path.relative(root, target)} (${text.split("\n").length - 1} lines).`);
}
