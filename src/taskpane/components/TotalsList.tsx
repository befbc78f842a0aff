/** The money of a check as label and value pairs, with a note under a value where it has one ("not confirmed"). */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { TotalLine } from "../rates-view";
import { useSharedStyles } from "./styles";

const useStyles = makeStyles({
  note: {
    display: "block",
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground2,
  },
});

export function TotalsList({ totals }: { totals: TotalLine[] }) {
  const shared = useSharedStyles();
  const styles = useStyles();
  return (
    <dl className={shared.pairs}>
      {totals.map((t) => (
        <div key={t.label} style={{ display: "contents" }}>
          <dt>{t.label}</dt>
          <dd>
            {t.value}
            {t.note && <span className={styles.note}>{t.note}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
