/**
 * Labelled form controls in the look of Fluent's Field/Input/Textarea/RadioGroup: native
 * elements with the theme's tokens. Measured, Fluent's four add about 10 KB gzipped to the
 * pane's script, which the budget (baselines.md) cannot spare beside the core.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useId, type ReactNode } from "react";

const useStyles = makeStyles({
  field: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0, border: "none", margin: 0, padding: 0 },
  label: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, padding: 0, color: tokens.colorNeutralForeground1 },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  control: {
    boxSizing: "border-box",
    width: "100%",
    minHeight: "32px",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    font: "inherit",
    fontSize: tokens.fontSizeBase300,
    ":hover": { borderBottomColor: tokens.colorNeutralStrokeAccessibleHover },
    ":focus": { outline: "none", borderBottomColor: tokens.colorCompoundBrandStroke, boxShadow: `inset 0 -1px 0 ${tokens.colorCompoundBrandStroke}` },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
    "::placeholder": { color: tokens.colorNeutralForeground4 },
  },
  multiline: { resize: "vertical", lineHeight: tokens.lineHeightBase300 },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  choices: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS },
  choice: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS, minHeight: "32px", cursor: "pointer" },
  radio: { width: "16px", height: "16px", margin: 0, accentColor: tokens.colorCompoundBrandBackground, cursor: "pointer" },
});

interface FieldFrame {
  label: string;
  hint?: string;
  className?: string;
}

interface TextFieldProps extends FieldFrame {
  value: string;
  onChange(value: string): void;
  placeholder?: string;
  /** A textarea with this many rows; a one-line input when absent. */
  rows?: number;
  monospace?: boolean;
  inputMode?: "numeric" | "text";
}

export function TextField({ label, hint, className, value, onChange, placeholder, rows, monospace, inputMode }: TextFieldProps) {
  const styles = useStyles();
  const id = useId();
  const hintId = `${id}-hint`;
  const controlClass = mergeClasses(styles.control, rows !== undefined && styles.multiline, monospace && styles.mono);
  const common = {
    id,
    value,
    placeholder,
    className: controlClass,
    "aria-describedby": hint ? hintId : undefined,
  };
  return (
    <div className={mergeClasses(styles.field, className)}>
      <label className={styles.label} htmlFor={id}>
        {label}
      </label>
      {rows !== undefined ? (
        <textarea {...common} rows={rows} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type="text" inputMode={inputMode} onChange={(e) => onChange(e.target.value)} />
      )}
      {hint && (
        <span id={hintId} className={styles.hint}>
          {hint}
        </span>
      )}
    </div>
  );
}

interface ChoiceFieldProps<V extends string> extends FieldFrame {
  value: V;
  options: ReadonlyArray<{ value: V; label: ReactNode }>;
  onChange(value: V): void;
}

/** Radio buttons in a fieldset: ←/→ move between them natively. */
export function ChoiceField<V extends string>({ label, hint, className, value, options, onChange }: ChoiceFieldProps<V>) {
  const styles = useStyles();
  const name = useId();
  return (
    <fieldset className={mergeClasses(styles.field, className)}>
      <legend className={styles.label}>{label}</legend>
      <div className={styles.choices}>
        {options.map((option) => (
          <label key={option.value} className={styles.choice}>
            <input
              className={styles.radio}
              type="radio"
              name={name}
              value={option.value}
              checked={option.value === value}
              onChange={() => onChange(option.value)}
            />
            {option.label}
          </label>
        ))}
      </div>
      {hint && <span className={styles.hint}>{hint}</span>}
    </fieldset>
  );
}

interface SelectFieldProps extends FieldFrame {
  value: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  onChange(value: string): void;
}

export function SelectField({ label, hint, className, value, options, onChange }: SelectFieldProps) {
  const styles = useStyles();
  const id = useId();
  return (
    <div className={mergeClasses(styles.field, className)}>
      <label className={styles.label} htmlFor={id}>
        {label}
      </label>
      <select id={id} className={styles.control} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint && <span className={styles.hint}>{hint}</span>}
    </div>
  );
}
