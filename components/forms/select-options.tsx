/** An option as the pages pass it: `{ value, label }`, a county as `{ code, name }`, or a station as `{ id, name }`. */
export type SelectOption = { value: string; label: string } | { code: string; name: string } | { id: string; name: string };

/**
 * The options of a `<select>` (a county, a station, a role…): first the empty choice with its
 * words ("请选择", "全部", "全市（三门峡市）"), then one option per entry.
 */
export function SelectOptions({ placeholder, options }: { placeholder?: string; options: readonly SelectOption[] }) {
  return (
    <>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {options.map((o) => {
        const [value, label] = "code" in o ? [o.code, o.name] : "id" in o ? [o.id, o.name] : [o.value, o.label];
        return (
          <option key={value} value={value}>
            {label}
          </option>
        );
      })}
    </>
  );
}
