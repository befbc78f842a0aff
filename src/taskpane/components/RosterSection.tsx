/**
 * The roster: which sheet (a dropdown of the workbook's sheets), the columns recognised (field →
 * header), and a form to correct them, one dropdown of the sheet's headers per field. Corrections are
 * saved with the workbook by the controller.
 */
import { Button, Field, makeStyles, Select, tokens } from "@fluentui/react-components";
import { useEffect, useId, useMemo, useState, type FormEvent } from "react";
import { FIELD_LABELS, ROSTER_FIELD_ORDER } from "../labels";
import type { PaneSnapshot } from "../views";
import type { RosterField } from "../../roster/types";
import type { Workspace } from "../use-workspace";
import { DisclosureButton } from "./DisclosureButton";
import { useSharedStyles } from "./styles";

const useStyles = makeStyles({
  fields: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  columnsLine: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalXS },
  inline: { minWidth: 0, paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
});

const AUTOMATIC = "";

export function RosterSection({ workspace, snapshot }: { workspace: Workspace; snapshot: PaneSnapshot }) {
  const shared = useSharedStyles();
  const styles = useStyles();
  const headingId = useId();
  const formId = useId();
  const [correcting, setCorrecting] = useState(false);
  const [showing, setShowing] = useState(false);
  const listId = useId();
  const { roster } = snapshot;
  const busy = workspace.busy !== null;

  const recognised = useMemo(() => {
    const map = new Map<RosterField, string>();
    for (const c of roster?.columns ?? []) if (!map.has(c.field)) map.set(c.field, c.header);
    return map;
  }, [roster]);

  const initial = useMemo(() => {
    const values = {} as Record<RosterField, string>;
    for (const field of ROSTER_FIELD_ORDER) values[field] = recognised.get(field) ?? AUTOMATIC;
    return values;
  }, [recognised]);
  const [draft, setDraft] = useState(initial);
  useEffect(() => setDraft(initial), [initial]);

  const optionsFor = (field: RosterField): string[] => {
    const own = recognised.get(field);
    const headers = roster?.headers ?? [];
    return own && !headers.includes(own) ? [own, ...headers] : headers;
  };

  const changed = ROSTER_FIELD_ORDER.filter((field) => draft[field] !== initial[field]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const changes: Partial<Record<RosterField, string | null>> = {};
    for (const field of changed) changes[field] = draft[field] === AUTOMATIC ? null : draft[field];
    void workspace.saveColumns(changes);
  };

  return (
    <section className={shared.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={shared.heading}>Roster</h2>
      <Field label="Roster sheet" hint={roster ? undefined : "Choose the sheet that holds your staff list."}>
        <Select
          value={roster?.sheetName ?? ""}
          onChange={(_, data) => { if (data.value) void workspace.chooseSheet(data.value); }}
        >
          {!roster && <option value="">Choose a sheet</option>}
          {snapshot.sheetNames.map((name) => <option key={name} value={name}>{name}</option>)}
        </Select>
      </Field>
      {roster && (
        <>
          <div className={styles.columnsLine}>
            {!roster.problem && (
              <span className={shared.muted}>
                {roster.staffRows} staff {roster.staffRows === 1 ? "row" : "rows"}, header on row {roster.headerRowNumber} ·
              </span>
            )}
            <span className={shared.muted}>{roster.columns.length} {roster.columns.length === 1 ? "column" : "columns"} recognised</span>
            {roster.columns.length > 0 && <span className={shared.muted} aria-hidden>·</span>}
            {roster.columns.length > 0 && (
              <DisclosureButton size="small" className={styles.inline} open={showing} controls={listId} onToggle={setShowing}
                aria-label={showing ? "Hide the columns recognised" : "Show the columns recognised"}>
                {showing ? "Hide" : "Show"}
              </DisclosureButton>
            )}
            {roster.headers.length > 0 && (
              <>
                <span className={shared.muted} aria-hidden>·</span>
                <DisclosureButton size="small" className={styles.inline} open={correcting} controls={formId} onToggle={setCorrecting}>
                  Correct a column
                </DisclosureButton>
              </>
            )}
          </div>
          {showing && (
            <dl id={listId} className={shared.pairs} aria-label="Columns recognised">
              {roster.columns.map((c) => (
                <div key={c.field} style={{ display: "contents" }}>
                  <dt>{FIELD_LABELS[c.field]}</dt>
                  <dd>{c.header}</dd>
                </div>
              ))}
            </dl>
          )}
          {roster.headers.length > 0 && (
            <>
              {correcting && (
                <form id={formId} className={styles.fields} onSubmit={submit} aria-label="Correct the columns">
                  <p className={shared.muted}>
                    If a field is read from the wrong column, choose the right header. Your choice is saved in the
                    workbook and used by every later check.
                  </p>
                  {ROSTER_FIELD_ORDER.map((field) => (
                    <Field key={field} label={FIELD_LABELS[field]} size="small">
                      <Select
                        size="small"
                        value={draft[field]}
                        onChange={(_, data) => setDraft((d) => ({ ...d, [field]: data.value }))}
                      >
                        <option value={AUTOMATIC}>{recognised.has(field) ? "Read from the headers" : "Not found"}</option>
                        {optionsFor(field).map((header) => <option key={header} value={header}>{header}</option>)}
                      </Select>
                    </Field>
                  ))}
                  <div className={shared.buttonRow}>
                    <Button type="submit" disabledFocusable={busy || changed.length === 0}>
                      Save columns
                    </Button>
                    {changed.length > 0 && <Button onClick={() => setDraft(initial)}>Undo changes</Button>}
                  </div>
                </form>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
