"use client";

import { useState } from "react";
import { issueFor } from "@/components/forms/field";
import { useFormState } from "@/components/filing/step-form";

type Division = { code: string; name: string };
export type DivisionInitial = { provinces: Division[]; cities: Division[]; counties: Division[]; province: string; city: string; county: string };

async function children(parent: string): Promise<Division[]> {
  const res = await fetch(`/api/divisions?parent=${encodeURIComponent(parent)}`);
  return res.ok ? ((await res.json()) as { divisions: Division[] }).divisions : [];
}

/**
 * 户口所在地: province / city / county selects (GB/T 2260), posting the county code as `name`.
 * The page passes the lists for the current value; other lists load on change.
 */
export function DivisionPicker({ name, legend, hint, initial }: { name: string; legend: string; hint?: string; initial: DivisionInitial }) {
  const s = useFormState();
  const error = issueFor(s.issues, name);
  const id = `f-${name}`;
  const [province, setProvince] = useState(initial.province);
  const [city, setCity] = useState(initial.city);
  const [county, setCounty] = useState(s.values?.[name] ?? initial.county);
  const [cities, setCities] = useState(initial.cities);
  const [counties, setCounties] = useState(initial.counties);
  const [loading, setLoading] = useState(false);
  const pickProvince = async (code: string) => {
    setProvince(code);
    setCity("");
    setCounty("");
    setCounties([]);
    setCities([]);
    if (!code) return;
    setLoading(true);
    const list = await children(code);
    setCities(list);
    setLoading(false);
    if (list.length === 1) void pickCity(list[0].code);
  };
  const pickCity = async (code: string) => {
    setCity(code);
    setCounty("");
    setCounties([]);
    if (!code) return;
    setLoading(true);
    setCounties(await children(code));
    setLoading(false);
  };
  const select = (sid: string, label: string, value: string, onChange: (v: string) => void, list: Division[], placeholder: string, last = false) => (
    <div>
      <label htmlFor={sid} className="label">
        {label}
      </label>
      <select
        id={sid}
        className="input"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        disabled={!last && list.length === 0 && loading}
        aria-invalid={last && error ? true : undefined}
        aria-describedby={last && error ? `${id}-error` : undefined}
      >
        <option value="">{placeholder}</option>
        {list.map((d) => (
          <option key={d.code} value={d.code}>
            {d.name}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <fieldset aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend className="label">{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="mb-2 text-sm text-slate-600">
          {hint}
        </p>
      )}
      <div className="grid gap-3 sm:grid-cols-3">
        {select(`${id}-province`, "省（自治区、直辖市）", province, pickProvince, initial.provinces, "请选择省份")}
        {select(`${id}-city`, "市（地区、州）", city, pickCity, cities, province ? "请选择市" : "请先选择省份")}
        {select(id, "县（市、区）", county, setCounty, counties, city ? "请选择县（市、区）" : "请先选择市", true)}
      </div>
      <input type="hidden" name={name} value={county} />
      <p aria-live="polite" className="sr-only">
        {loading ? "正在加载…" : ""}
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
