/** One labelled input of a GET filter form (the audit trail, supervision, staff accounts). */
export function FilterField({
  id,
  name,
  label,
  type,
  defaultValue,
  placeholder,
}: {
  id: string;
  name: string;
  label: string;
  type?: "date" | "text";
  defaultValue?: string;
  placeholder?: string;
}) {
  return (
    <div>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <input id={id} name={name} type={type} defaultValue={defaultValue} className="input" placeholder={placeholder} />
    </div>
  );
}
