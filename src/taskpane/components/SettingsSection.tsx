/**
 * The PCN settings: asked once (a short form, pre-filled from the workbook's ARRS Settings sheet),
 * then shown as a summary with "Change settings". The controller validates and stores them.
 */
import { Button, Checkbox, Field, Input, makeStyles, Select, tokens } from "@fluentui/react-components";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { REGION_LABELS, REGION_ORDER } from "../labels";
import type { SettingsErrors, SettingsForm } from "../settings-form";
import type { PaneSnapshot } from "../views";
import type { Workspace } from "../use-workspace";
import { useSharedStyles } from "./styles";

const useStyles = makeStyles({
  headingRow: { display: "flex", flexWrap: "wrap", alignItems: "center", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  summary: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    "& > div": { display: "flex", columnGap: tokens.spacingHorizontalXS, minWidth: 0 },
    "& dt": { color: tokens.colorNeutralForeground2 },
    "& dd": { margin: 0, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1, overflowWrap: "anywhere" },
  },
  form: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
});

const FIELD_ORDER: (keyof SettingsErrors)[] = ["financialYear", "listSize", "weightedPopulation", "region"];

const RATE_FLOOR_LABEL = "Claim up to earlier years' maximums while this year's are missing";

export function SettingsSection({ workspace, snapshot }: { workspace: Workspace; snapshot: PaneSnapshot }) {
  const shared = useSharedStyles();
  const styles = useStyles();
  const headingId = useId();
  const editing = workspace.settingsEditing;
  const setEditing = (open: boolean) => (open ? workspace.editSettings() : workspace.closeSettings());
  const sectionRef = useRef<HTMLElement>(null);
  const [form, setForm] = useState<SettingsForm>(snapshot.settings);
  const [errors, setErrors] = useState<SettingsErrors>({});
  const refs = {
    financialYear: useRef<HTMLInputElement>(null),
    listSize: useRef<HTMLInputElement>(null),
    weightedPopulation: useRef<HTMLInputElement>(null),
    region: useRef<HTMLSelectElement>(null),
  };
  const changeButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    setForm(snapshot.settings);
  }, [snapshot.settings]);

  // "Change settings" (here or in the results) brings the form into view and focus into its first field.
  useEffect(() => {
    if (workspace.settingsRequest === 0) return;
    sectionRef.current?.scrollIntoView?.({ block: "start" });
    refs.financialYear.current?.focus({ preventScroll: true });
  }, [workspace.settingsRequest]);

  useEffect(() => {
    if (!editing && returnFocus.current) {
      returnFocus.current = false;
      changeButton.current?.focus();
    }
  }, [editing]);

  const set = (key: keyof SettingsErrors) => (value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = workspace.validate(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      const first = FIELD_ORDER.find((key) => checked.errors[key]);
      if (first) refs[first].current?.focus();
      return;
    }
    setErrors({});
    const saved = await workspace.saveSettings(checked.settings);
    if (saved) {
      returnFocus.current = true;
      setEditing(false);
    }
  };

  const s = snapshot.settings;
  return (
    <section ref={sectionRef} className={shared.section} aria-labelledby={headingId}>
      <div className={styles.headingRow}>
        <h2 id={headingId} className={shared.heading}>PCN settings</h2>
        {!editing && <Button ref={changeButton} size="small" onClick={() => setEditing(true)}>Change settings</Button>}
      </div>
      {!editing ? (
        // Read as a summary, one short line each, so that the actions stay in view in a 320 × 700 pane.
        <dl className={styles.summary}>
          <div><dt>Financial year</dt><dd>{s.financialYear || "Not set"}</dd></div>
          <div><dt>Region</dt><dd>{s.region ? REGION_LABELS[s.region] : "Not set"}</dd></div>
          <div><dt>List size</dt><dd>{s.listSize ? Number(s.listSize).toLocaleString("en-GB") : "Not given"}</dd></div>
          <div><dt>Weighted population</dt><dd>{s.weightedPopulation ? Number(s.weightedPopulation).toLocaleString("en-GB") : "Not given"}</dd></div>
          <div><dt>While this year&apos;s maximums are missing</dt><dd>{s.rateFloor ? "Claim up to earlier years'" : "Claim nothing"}</dd></div>
        </dl>
      ) : (
        <form className={styles.form} onSubmit={submit} noValidate aria-labelledby={headingId}>
          <p className={shared.muted}>
            Asked once: they are saved in this workbook&apos;s &quot;ARRS Settings&quot; sheet and used for every check.
            Fields marked * are needed.
          </p>
          <Field
            label="Financial year"
            required
            hint="The year to check, 1 April to 31 March, for example 2025/26."
            validationMessage={errors.financialYear}
          >
            <Input ref={refs.financialYear} value={form.financialYear} onChange={(_, d) => set("financialYear")(d.value)} />
          </Field>
          <Field
            label="List size"
            hint="Patients registered across the PCN's practices. Decides the caps on numbers before 2025/26. Leave blank if you do not know it."
            validationMessage={errors.listSize}
          >
            <Input ref={refs.listSize} inputMode="numeric" value={form.listSize} onChange={(_, d) => set("listSize")(d.value)} />
          </Field>
          <Field
            label="Weighted population"
            hint="PCN Contractor Weighted Population on 1 January before the year. Decides your ARRS sum. Leave blank if you do not know it."
            validationMessage={errors.weightedPopulation}
          >
            <Input ref={refs.weightedPopulation} inputMode="decimal" value={form.weightedPopulation} onChange={(_, d) => set("weightedPopulation")(d.value)} />
          </Field>
          <Field label="Region" required hint="Which maximum amounts the PCN is paid at." validationMessage={errors.region}>
            <Select ref={refs.region} value={form.region} onChange={(_, d) => set("region")(d.value)}>
              <option value="">Choose a region</option>
              {REGION_ORDER.map((region) => <option key={region} value={region}>{REGION_LABELS[region]}</option>)}
            </Select>
          </Field>
          <Field hint="Maximums have only ever gone up, so until this year's are known a claim can safely go up to last year's. Untick to claim nothing for those roles instead.">
            <Checkbox
              label={RATE_FLOOR_LABEL}
              checked={form.rateFloor}
              onChange={(_, d) => setForm((f) => ({ ...f, rateFloor: d.checked === true }))}
            />
          </Field>
          <div className={shared.buttonRow}>
            <Button type="submit" appearance="primary" disabledFocusable={workspace.busy !== null}>Save settings</Button>
            {snapshot.hasStoredSettings && (
              <Button onClick={() => { setForm(snapshot.settings); setErrors({}); returnFocus.current = true; setEditing(false); }}>Cancel</Button>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
