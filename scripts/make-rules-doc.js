#!/usr/bin/env node
/**
 * docs/rules.md from the rule data built into the checker (src/rules/data/), so that every figure a
 * reader sees there is the figure the checker uses, with its dates, its source and how sure it is.
 *
 *   npm run docs:rules        builds lib/ (npm run build:cli), then rewrites docs/rules.md
 *
 * renderRulesDoc is the one place the page is made: this script calls it with the data as built into
 * lib/, and test/project/rules-doc.test.ts calls it with the data in src/ and fails when
 * docs/rules.md is not what it gives. Pure: no clock, no file access, same text for the same data.
 *
 * Sources are shown as documents a reader can find (the DES specification and its table, HMRC's
 * rates); the project's own notes are never cited as a source: where a figure rests on them, the
 * page says it is inferred and gives the reasoning instead.
 */
const fs = require("node:fs");
const path = require("node:path");

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const REGIONS = ["national", "outer-london", "inner-london"];
const REGION_WORDS = { national: "national", "outer-london": "outer London", "inner-london": "inner London" };

/** "2019-07-01" → "1 Jul 2019". */
function ukDate(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "2019-07-01" → "Jul 2019". */
function monthYear(iso) {
  const [y, m] = iso.split("-").map(Number);
  return `${MONTHS[m - 1]} ${y}`;
}

/** 37810 → "£37,810"; 26.631 → "£26.631" (as many decimals as the figure has). */
function pounds(amount) {
  const [whole, fraction] = String(amount).split(".");
  return `£${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${fraction ? `.${fraction}` : ""}`;
}

/** 99999 → "99,999". */
function count(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** 0.1505 → "15.05%"; 0.7 → "70%". */
function percent(fraction) {
  return `${(fraction * 100).toFixed(2).replace(/\.?0+$/, "")}%`;
}

function period(from, to) {
  return to === null ? `from ${ukDate(from)}` : `${ukDate(from)} to ${ukDate(to)}`;
}

/** Text safe inside a Markdown table cell. */
function cell(text) {
  return String(text).replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");
}

function table(headers, rows) {
  return [
    `| ${headers.join(" | ")} |`,
    `|${headers.map(() => "---").join("|")}|`,
    ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`),
  ];
}

/** The project's own notes, which a reader cannot look up: never shown as a source. */
function isProjectNotes(source) {
  return /^ARRS reference\b/.test(source.title);
}

/** A section or note without its pointers into the project's own notes. */
function withoutNotePointers(text) {
  return text
    .replace(/^as summarised in the ARRS reference, sections? [\d, and]+$/i, "")
    .replace(/\s*\((?:the )?ARRS reference, sections? [\d, and]+\)/gi, "")
    .replace(/\s*\(see the ARRS reference[^)]*\)/gi, "")
    .trim();
}

/** "Network Contract DES Contract specification 2025/26 - PCN Requirements and Entitlements, Table 2". */
function sourceText(value) {
  if (isProjectNotes(value.source)) return "worked out from published figures";
  const section = value.source.section ? withoutNotePointers(value.source.section) : "";
  return [value.source.title, section].filter(Boolean).join(", ");
}

/** How sure, in words, with the reasoning for an inferred figure and any caveat. */
function confidenceText(value) {
  const note = value.note ? withoutNotePointers(value.note) : "";
  switch (value.confidence) {
    case "published": return note ? `published. ${note}` : "published";
    case "inferred": return note ? `inferred: ${note}` : "inferred";
    case "third-party": return note ? `third-party figure, not confirmed. ${note}` : "third-party figure, not confirmed";
    case "user": return "your own figure";
    default: return String(value.confidence);
  }
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

/** Runs of consecutive months, as "Apr 2020 to Sep 2022" or "Apr 2026". */
function monthRuns(months, all) {
  const runs = [];
  let start = null;
  let previous = null;
  for (const month of all) {
    const missing = months.has(month);
    if (missing && start === null) start = month;
    if (!missing && start !== null) {
      runs.push(start === previous ? monthYear(start) : `${monthYear(start)} to ${monthYear(previous)}`);
      start = null;
    }
    previous = month;
  }
  if (start !== null) runs.push(start === previous ? monthYear(start) : `${monthYear(start)} to ${monthYear(previous)}`);
  return runs;
}

/** The last day any built-in figure covers: the end of the last financial year the data speaks of. */
function lastDayCovered(rules) {
  const ends = [
    ...rules.maxAmounts.map((a) => a.to),
    ...rules.entitlement.map((e) => `${Number(e.financialYear.slice(0, 4)) + 1}-03-31`),
  ];
  return ends.reduce((last, end) => (end > last ? end : last), "0000-00-00");
}

function financialYearOf(iso) {
  const [y, m] = iso.split("-").map(Number);
  const start = m >= 4 ? y : y - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
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
    "# The ARRS rules built into the checker",
    "",
    "<!-- Generated by `npm run docs:rules` from the checker's rule data (src/rules/data/). Do not edit",
    "     by hand: change the data and run it again; test/project/rules-doc.test.ts fails until you do. -->",
    "",
    "Every figure the checker uses is listed here, with the dates it holds for, where it comes from and",
    "how sure it is. The main source is NHS England's *Network Contract DES Contract specification –",
    "PCN Requirements and Entitlements* for each financial year (its ARRS section; Table 2 holds the",
    "maximum amounts, Annex B the roles), published from",
    "<https://www.england.nhs.uk/gp/investment/gp-contract/>.",
    "",
    "How sure each figure is:",
    "",
    "- **published**: quoted by at least one public source that names the DES for that year;",
    "- **inferred**: worked out from published figures (by arithmetic, or because the DES gives one",
    "  amount per Agenda for Change band); the reasoning is given. Results that rely on one are flagged",
    "  `RATE_UNCONFIRMED`;",
    "- **third-party figure, not confirmed**: only a calculator or similar tool gives it; also flagged",
    "  `RATE_UNCONFIRMED`.",
    "",
    "Where no figure is listed for a period, none is on record: the checker does not borrow another",
    "period's figure. It claims £0 for those months and reports `NO_RATE` until you give the figure in",
    "an \"ARRS max reimb\" sheet, which always takes precedence over the figures below (`USER_RATE_USED`).",
    "Dates are inclusive.",
    "",
  );

  // ---- Roles ----
  add(
    "## Roles",
    "",
    "When each role became claimable, its Agenda for Change band in the DES, and the names a roster",
    "may use for it (matched ignoring case, punctuation and \"(ARRS)\").",
    "",
    ...table(["role", "claimable from", "band", "names recognised", "note", "source"], rules.roles.map((r) => [
      r.name,
      ukDate(r.claimableFrom),
      r.band,
      r.aliases.join(", "),
      r.note ? withoutNotePointers(r.note) : "",
      sourceText(r),
    ])),
    "",
  );
  const bandDependent = input.bandDependentAliases ?? [];
  if (bandDependent.length > 0) {
    add("Names that mean a different role by band (without a band they are not recognised, rather than guessed):", "");
    for (const entry of bandDependent) {
      const byBand = Object.entries(entry.byBand).map(([band, id]) => `band ${band}: ${name(id)}`).join("; ");
      add(`- "${entry.alias}": ${byBand}`);
    }
    add("");
  }

  // ---- Maximum amounts ----
  add(
    "## Maximum reimbursable amounts",
    "",
    "A year's amount per 1.0 WTE, including employer NI and employer pension. A month is claimed",
    "against the amount in force on its 1st day, for the PCN's region. A London PCN with no London",
    "figure on record for a role is paid against the national one (`LONDON_RATE_MISSING`).",
    "",
  );
  const uplifts = rules.unpublishedUplifts ?? [];
  for (const u of uplifts) {
    add(`Built-in amounts from ${ukDate(u.from)} to ${ukDate(u.to)} predate ${u.description}.`,
      "The uplifted amounts are not on record, and the checker says so (`RATE_BEFORE_UPLIFT`).", "");
  }
  const allMonths = monthsBetween("2019-07-01", lastDay);
  for (const role of rules.roles) {
    const amounts = rules.maxAmounts
      .filter((a) => a.role === role.id)
      .sort((a, b) => (a.from === b.from ? REGIONS.indexOf(a.region) - REGIONS.indexOf(b.region) : a.from < b.from ? -1 : 1));
    add(`### ${role.name}`, "");
    if (amounts.length > 0) {
      add(...table(["from", "to", "region", "amount", "how sure", "source"], amounts.map((a) => [
        ukDate(a.from), ukDate(a.to), REGION_WORDS[a.region], pounds(a.amount), confidenceText(a), sourceText(a),
      ])), "");
    }
    const national = rules.maxAmounts.filter((a) => a.role === role.id && a.region === "national");
    const missing = new Set(allMonths.filter((month) => month >= role.claimableFrom
      && !national.some((a) => a.from <= month && month <= a.to)));
    const runs = monthRuns(missing, allMonths);
    add(runs.length === 0
      ? `A national figure is on record for every month from ${monthYear(role.claimableFrom)} to ${monthYear(lastDay)}.`
      : `Months from ${monthYear(role.claimableFrom)} to ${monthYear(lastDay)} with no national figure on record: ${runs.join("; ")}.`, "");
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
    "£ per weighted patient × the PCN Contractor Weighted Population at 1 January before the year.",
    "A year not listed has no rate on record: the checker reports `ENTITLEMENT_UNKNOWN`.",
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
    "Used only when a roster leaves employer NI or pension blank; the row is then flagged",
    "`ONCOSTS_ESTIMATED`. Each month is estimated at the rate in force in the middle of that month.",
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
    add(`No employer NI rate is on record before ${ukDate(firstNi)} (the ${financialYearOf(firstNi)} year): a blank employer NI`,
      "for earlier months cannot be estimated, counts as £0, and the row says so.", "");
  }

  // ---- Funded shares ----
  add(
    "## Roles reimbursed at a share of cost",
    "",
    "For these, the claim is the share of the cost, up to the maximum (`PART_FUNDED`).",
    "",
    ...table(["role", "period", "share of cost", "how sure", "source"],
      rules.fundedShares.map((f) => [name(f.role), period(f.from, f.to), percent(f.share), confidenceText(f), sourceText(f)])),
    "",
  );

  // ---- Eligibility ----
  add(
    "## Conditions on the person",
    "",
    ...table(["condition", "roles", "period", "how sure", "source"],
      rules.eligibility.map((e) => [
        e.kind === "gp-within-two-years-of-cct"
          ? `${e.description} (The checker uses the roster's CCT date: started more than ${gpYearsAfterCct} years after it is not claimable, \`GP_ELIGIBILITY\`.)`
          : `${e.description} (The checker uses the roster's "employed in last 12 months" column, \`NURSE_12_MONTH_RULE\`.)`,
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
    bandDependentAliases: require(path.join(root, "lib", "rules", "data", "roles")).BAND_DEPENDENT_ALIASES,
    largePcnListSize: rulesModule.LARGE_PCN_LIST_SIZE,
    gpYearsAfterCct: rulesModule.GP_YEARS_AFTER_CCT,
  });
  const target = path.join(root, "docs", "rules.md");
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
  console.log(`Wrote ${path.relative(root, target)} (${text.split("\n").length - 1} lines).`);
}
