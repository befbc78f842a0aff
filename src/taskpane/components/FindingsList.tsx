/**
 * The findings, grouped: one card per kind of finding with the rows it is about ("Rows 4, 9, 12 and
 * 15 more"), the rule in plain words, and the code and full citation under "Details". Filters by
 * severity and code, and a search by name.
 *
 * The list grows by pages ("Show more") rather than being windowed: cards wrap to any height at
 * 320 px and at 200% zoom, and a windowed list with fixed row heights would clip them, lose the
 * browser's find-in-page and move keyboard focus out from under the user. Grouped, a 2,000-row roster
 * gives tens of cards, and each card lists its rows a page at a time, so the page stays short.
 */
import { Button, Field, makeStyles, mergeClasses, SearchBox, Select, tokens } from "@fluentui/react-components";
import { ErrorCircle16Filled, Info16Filled, Warning16Filled } from "@fluentui/react-icons";
import { useId, useMemo, useState, type ReactElement } from "react";
import { codeCounts, filterCards, NO_FILTER, rowsSummary, type FindingCard, type FindingFilter, type FindingRow } from "../finding-groups";
import { SEVERITY_LABELS } from "../labels";
import type { Severity } from "../../rules/types";
import type { CheckView, FindingView } from "../views";
import { DisclosureButton } from "./DisclosureButton";
import { useSharedStyles } from "./styles";

/** Cards shown at first, and added by each "Show more". */
export const CARD_PAGE = 25;
/** Rows listed at first in a card's details, and added by each "Show more rows". */
export const ROW_PAGE = 50;

const useStyles = makeStyles({
  filters: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  filter: { flexGrow: 1, flexBasis: "130px", minWidth: 0 },
  // A select is as wide as its longest option unless told otherwise: it must fit a 160 px pane (200% zoom).
  select: { width: "100%", minWidth: 0, "& select": { minWidth: 0 } },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    boxSizing: "border-box",
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: tokens.strokeWidthThickest,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    overflowWrap: "anywhere",
  },
  error: { borderLeftColor: tokens.colorStatusDangerBorderActive },
  warning: { borderLeftColor: tokens.colorStatusWarningBorderActive },
  info: { borderLeftColor: tokens.colorNeutralStroke1 },
  where: { display: "flex", alignItems: "flex-start", columnGap: tokens.spacingHorizontalXS, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  icon: { flexShrink: 0, marginTop: "2px" },
  errorIcon: { color: tokens.colorStatusDangerForeground1 },
  warningIcon: { color: tokens.colorStatusWarningForeground1 },
  infoIcon: { color: tokens.colorNeutralForeground2 },
  message: { margin: 0 },
  rule: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground2 },
  details: { alignSelf: "flex-start", paddingLeft: 0, minWidth: 0, fontWeight: tokens.fontWeightRegular },
  detailBody: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  rows: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  rowButton: { justifyContent: "flex-start", textAlign: "left", minWidth: 0, paddingLeft: tokens.spacingHorizontalXS, fontWeight: tokens.fontWeightRegular, height: "auto" },
});

const SEVERITY_WORD: Record<Severity, string> = { error: "Error", warning: "Warning", info: "Note" };

export function SeverityIcon({ severity }: { severity: Severity }) {
  const styles = useStyles();
  const icons: Record<Severity, ReactElement> = {
    error: <ErrorCircle16Filled aria-hidden className={mergeClasses(styles.icon, styles.errorIcon)} />,
    warning: <Warning16Filled aria-hidden className={mergeClasses(styles.icon, styles.warningIcon)} />,
    info: <Info16Filled aria-hidden className={mergeClasses(styles.icon, styles.infoIcon)} />,
  };
  return icons[severity];
}

export interface FindingsListProps {
  check: CheckView;
  /** Inside Excel: selects a finding's row in the sheet. */
  onSelectRow?: (finding: FindingView) => void;
}

export function FindingsList({ check, onSelectRow }: FindingsListProps) {
  const shared = useSharedStyles();
  const styles = useStyles();
  const [filter, setFilter] = useState<FindingFilter>(NO_FILTER);
  const [shown, setShown] = useState(CARD_PAGE);
  const cards = useMemo(() => filterCards(check.cards, filter), [check.cards, filter]);
  const codes = useMemo(() => codeCounts(check.cards), [check.cards]);
  const total = check.counts.error + check.counts.warning + check.counts.info;
  const change = (next: Partial<FindingFilter>) => {
    setFilter((f) => ({ ...f, ...next }));
    setShown(CARD_PAGE);
  };
  if (total === 0) return <p className={shared.text}>No findings: every row can be claimed as it is.</p>;

  return (
    <>
      <div className={styles.filters} role="search" aria-label="Filter the findings">
        <Field label="Show" size="small" className={styles.filter}>
          <Select size="small" className={styles.select} value={filter.severity ?? ""} onChange={(_, d) => change({ severity: (d.value || null) as Severity | null })}>
            <option value="">All findings ({total})</option>
            {(["error", "warning", "info"] as const).filter((s) => check.counts[s] > 0).map((s) => (
              <option key={s} value={s}>{SEVERITY_LABELS[s].group} ({check.counts[s]})</option>
            ))}
          </Select>
        </Field>
        <Field label="Code" size="small" className={styles.filter}>
          <Select size="small" className={styles.select} value={filter.code ?? ""} onChange={(_, d) => change({ code: d.value || null })}>
            <option value="">All codes</option>
            {codes.map((c) => <option key={c.code} value={c.code}>{c.code} ({c.count})</option>)}
          </Select>
        </Field>
        <Field label="Search by name" size="small" className={styles.filter}>
          <SearchBox size="small" className={styles.select} value={filter.search} onChange={(_, d) => change({ search: d.value })} />
        </Field>
      </div>
      <p className={shared.muted} role="status" aria-live="polite">
        {cards.length === check.cards.length ? `${cards.length} kinds of finding.` : `${cards.length} of ${check.cards.length} kinds of finding match.`}
        {onSelectRow ? " Choose a row to select it in the sheet." : ""}
      </p>
      <ul className={styles.list} aria-label="Findings" data-testid="finding-cards">
        {cards.slice(0, shown).map((card) => (
          <li key={card.id} className={mergeClasses(styles.card, styles[card.severity])} data-severity={card.severity}>
            <Card card={card} onSelectRow={onSelectRow} />
          </li>
        ))}
      </ul>
      {cards.length > shown && (
        <div className={shared.buttonRow}>
          <Button onClick={() => setShown((n) => n + CARD_PAGE)}>Show {Math.min(CARD_PAGE, cards.length - shown)} more (of {cards.length - shown} left)</Button>
        </div>
      )}
    </>
  );
}

const asFinding = (card: FindingCard, row: FindingRow): FindingView => ({
  id: row.findingId, severity: card.severity, code: card.code, message: row.message, source: card.citation,
  rowNumber: row.rowNumber, person: row.person, sheetName: row.sheetName,
});

function Card({ card, onSelectRow }: { card: FindingCard; onSelectRow?: (f: FindingView) => void }) {
  const styles = useStyles();
  const detailsId = useId();
  const [open, setOpen] = useState(false);
  const [rowsShown, setRowsShown] = useState(ROW_PAGE);
  const single = card.rows.length === 1 ? card.rows[0] : null;
  const where = single ? `Row ${single.rowNumber}${single.person ? ` · ${single.person}` : ""}` : rowsSummary(card.rows);
  // The severity in words as well as by icon and colour (forced colours show neither colour).
  const heading = `${SEVERITY_WORD[card.severity]} · ${where}`;
  return (
    <>
      <p className={styles.where}>
        <SeverityIcon severity={card.severity} />
        {single && onSelectRow
          ? <Button appearance="transparent" size="small" className={styles.rowButton} title={`Select row ${single.rowNumber} in the sheet`} onClick={() => onSelectRow(asFinding(card, single))}>{heading}</Button>
          : <span>{heading}</span>}
      </p>
      {/* Where the rows' messages differ in their figures, the one shown is said to be the first row's. */}
      <p className={styles.message}>{card.rows.length > 1 && !card.sameMessage ? `Row ${card.rows[0].rowNumber}, for example: ${card.message}` : card.message}</p>
      <p className={styles.rule}>Rule: {card.rule}</p>
      <DisclosureButton size="small" className={styles.details} chevron open={open} controls={detailsId} onToggle={setOpen}>
        Details{card.rows.length > 1 ? ` and the ${card.rows.length} rows` : ""}
      </DisclosureButton>
      {open && (
        <div id={detailsId} className={styles.detailBody}>
          <span>Code <span className={styles.code}>{card.code}</span>. Source: {card.citation}.</span>
          {card.rows.length > 1 && (
            <ul className={styles.rows} aria-label={`Rows: ${card.rows.length}`}>
              {card.rows.slice(0, rowsShown).map((row) => {
                const text = `Row ${row.rowNumber}${row.person ? ` · ${row.person}` : ""}${card.sameMessage ? "" : `: ${row.message}`}`;
                return (
                  <li key={row.findingId}>
                    {onSelectRow
                      ? <Button appearance="transparent" size="small" className={styles.rowButton} onClick={() => onSelectRow(asFinding(card, row))}>{text}</Button>
                      : text}
                  </li>
                );
              })}
            </ul>
          )}
          {card.rows.length > rowsShown && (
            <Button size="small" onClick={() => setRowsShown((n) => n + ROW_PAGE)}>Show {Math.min(ROW_PAGE, card.rows.length - rowsShown)} more rows</Button>
          )}
        </div>
      )}
    </>
  );
}
