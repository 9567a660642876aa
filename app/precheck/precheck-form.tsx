"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import Link from "next/link";
import { precheckAction, type PrecheckState } from "./actions";
import type { Channel, DocumentCode, Relation, Subtype, Tenure } from "@/lib/schemas/eligibility";
import { ErrorSummary, Field, fieldAria, issueFor } from "@/components/forms/field";
import { InputField } from "@/components/forms/input-field";
import { SelectOptions, type SelectOption } from "@/components/forms/select-options";

type County = { code: string; name: string };

/**
 * The words of the form, passed by the page (a server component), so that the browser bundle
 * never imports the zod schemas module they live in.
 */
export type PrecheckLabels = {
  backgrounds: SelectOption[];
  channels: Record<Channel, string>;
  subtypes: Record<Subtype, string>;
  tenures: Record<Tenure, string>;
  relations: Record<Relation, string>;
  documents: Record<DocumentCode, string>;
};

/** Where the error summary's links go (radio groups: their first option). */
const FIELD_IDS: Record<string, string> = {
  name: "pc-name",
  idNumber: "pc-id",
  birthDate: "pc-birth",
  destinationCounty: "pc-county",
  background: "pc-bg",
  workCounty: "pc-work",
};

const OUTCOME = {
  eligible: { text: "符合条件，材料齐全", cls: "border-green-600 bg-green-50" },
  needs_documents: { text: "符合条件，请准备以下材料", cls: "border-amber-500 bg-amber-50" },
  ineligible: { text: "不符合该通道的条件", cls: "border-slate-300 bg-slate-50" },
} as const;

/** A question's answers: value → words, in the order shown. */
type Options = Record<string, string>;

/** What the fields report: the value chosen or typed. */
type OnChange = (e: { target: { value: string } }) => void;

const YES_NO: Options = { yes: "是", no: "否" };

/** A select of the form with its label and error (its options are the children). */
function SelectField({
  id,
  label,
  error,
  ...select
}: { id: string; label: string; error?: string } & Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "id">) {
  return (
    <Field id={id} label={label} error={error}>
      <select id={id} className="input" {...select} {...fieldAria(id, error)} />
    </Field>
  );
}

function Radios({
  name,
  legend,
  value,
  onChange,
  options,
  error,
}: {
  name: string;
  legend: string;
  value: string;
  onChange: OnChange;
  options: Options;
  error?: string;
}) {
  return (
    <fieldset aria-describedby={error ? `${name}-error` : undefined}>
      <legend className="label">{legend}</legend>
      <div className="mt-1 flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:gap-x-5">
        {Object.entries(options).map(([v, label], i) => (
          <label key={v} className="flex items-center gap-2">
            <input type="radio" id={i === 0 ? name : undefined} name={name} value={v} checked={value === v} onChange={onChange} className="h-5 w-5" />
            {label}
          </label>
        ))}
      </div>
      {error && (
        <p id={`${name}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** Longer fixed sentences come from the server page as props: they cost the browser no script. */
export type PrecheckWord =
  | "housingLegend"
  | "relativeHukouLegend"
  | "grandRelative"
  | "housingLegalLegend"
  | "otherRelative"
  | "idLabel"
  | "employerCollectiveLegend"
  | "idHint"
  | "backgroundLegend"
  | "joinParent"
  | "joinChild"
  | "livesTogetherLegend";

export type PrecheckTexts = {
  words: Record<PrecheckWord, string>;
  whoIntro: string;
  birthHint: string;
  resultNote: string;
  relativeLegend: string;
  sharedHomeLegend: string;
  employedLegend: string;
};

export function PrecheckForm({ counties, labels, texts }: { counties: County[]; labels: PrecheckLabels; texts: PrecheckTexts }) {
  const { channels: CHANNEL_LABELS, subtypes: SUBTYPE_LABELS, tenures: TENURE_LABELS, relations: RELATION_LABELS, documents: DOCUMENT_LABELS } = labels;
  const [a, setA] = useState({
    name: "",
    idNumber: "",
    birthDate: "",
    hukouType: "",
    destinationCounty: "",
    background: "",
    housing: "",
    housingLegal: "yes",
    relation: "none",
    livesTogether: "yes",
    relativeHasHukou: "yes",
    relativeHasResidence: "no",
    employed: "",
    workCounty: "",
    employerHasCollectiveHousehold: "no",
  });
  const [state, setState] = useState<PrecheckState>({});
  const [pending, start] = useTransition();
  const err = (p: string) => issueFor(state.issues, p);
  /** An answer's field: its value, its setter and its error (a radio group also needs its name). */
  const field = (k: keyof typeof a) => ({
    value: a[k],
    onChange: ({ target }: { target: { value: string } }) => setA((s) => ({ ...s, [k]: target.value })),
    error: err(k),
  });
  const radio = (k: keyof typeof a) => ({ name: k, ...field(k) });
  const results = useRef<HTMLHeadingElement>(null);
  // On a phone the result appears below the screen: take the reader there (the error summary focuses itself).
  useEffect(() => {
    if (!state.candidates) return;
    results.current?.focus();
    results.current?.scrollIntoView({ block: "start" });
  }, [state.candidates]);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    // With an ID number the birth date comes from it (a hidden, stale date is not sent).
    start(async () => setState(await precheckAction({ ...a, birthDate: a.idNumber.trim() === "" ? a.birthDate : "", documents: [] })));
  }

  return (
    <div className="space-y-6">
      <form onSubmit={submit} className="card space-y-5" noValidate aria-label="落户预检问卷">
        <ErrorSummary
          message={state.candidates ? undefined : state.message}
          issues={state.candidates ? undefined : state.issues}
          fieldId={(p) => FIELD_IDS[p] ?? p}
        />
        <h2 className="text-lg font-semibold">1. 为谁预检</h2>
        <p className="text-sm text-slate-700">{texts.whoIntro}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <InputField id="pc-name" label="姓名（选填）" autoComplete="off" {...field("name")} />
          <InputField id="pc-id" label={texts.words.idLabel} hint={texts.words.idHint} maxLength={18} autoComplete="off" {...field("idNumber")} />
          {a.idNumber.trim() === "" && (
            <InputField id="pc-birth" type="date" label="出生日期" hint={texts.birthHint} autoComplete="off" {...field("birthDate")} />
          )}
        </div>
        <Radios {...radio("hukouType")} legend="当前户口性质" options={{ rural: "农业户口（农村）", urban: "城镇户口" }} />

        <h2 className="text-lg font-semibold">2. 想落户到哪里</h2>
        <SelectField id="pc-county" label="县（市、区）" {...field("destinationCounty")}>
          <SelectOptions placeholder="请选择" options={counties} />
        </SelectField>

        <h2 className="text-lg font-semibold">3. 您的情况</h2>
        <SelectField id="pc-bg" label={texts.words.backgroundLegend} {...field("background")}>
          <SelectOptions placeholder="请选择" options={labels.backgrounds} />
        </SelectField>
        <Radios
          {...radio("housing")}
          legend={texts.words.housingLegend}
          options={{ rented: TENURE_LABELS.rented, owned: TENURE_LABELS.owned, employer_housing: TENURE_LABELS.employer_housing, none: "暂无住所" }}
        />
        {a.housing !== "none" && a.housing !== "" && (
          <Radios {...radio("housingLegal")} legend={texts.words.housingLegalLegend} options={{ yes: "是", no: "不是" }} />
        )}
        <Radios
          {...radio("relation")}
          legend={texts.relativeLegend}
          options={{
            none: "不投靠",
            spouse: `投靠${RELATION_LABELS.spouse}`,
            child: texts.words.joinParent,
            parent: texts.words.joinChild,
            grandrelative: texts.words.grandRelative,
            other: texts.words.otherRelative,
          }}
        />
        {a.relation !== "none" && (
          <div className="grid gap-4 sm:grid-cols-2">
            <Radios {...radio("livesTogether")} legend={texts.words.livesTogetherLegend} options={YES_NO} />
            <Radios {...radio("relativeHasHukou")} legend={texts.words.relativeHukouLegend} options={YES_NO} />
            {a.relativeHasHukou === "no" && <Radios {...radio("relativeHasResidence")} legend={texts.sharedHomeLegend} options={YES_NO} />}
          </div>
        )}
        <Radios {...radio("employed")} legend={texts.employedLegend} options={{ yes: "已就业", no: "暂未就业" }} />
        {a.employed === "yes" && (
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField id="pc-work" label="就业所在县（市、区）" {...field("workCounty")}>
              <SelectOptions placeholder="与落户地相同" options={counties} />
            </SelectField>
            <Radios {...radio("employerHasCollectiveHousehold")} legend={texts.words.employerCollectiveLegend} options={{ no: "没有", yes: "有" }} />
          </div>
        )}
        <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending}>
          {pending ? "正在预检…" : "查看预检结果"}
        </button>
      </form>

      <section aria-live="polite" aria-label="预检结果">
        {state.candidates && (
          <div className="space-y-4" data-testid="precheck-results">
            <h2
              ref={results}
              tabIndex={-1}
              className="text-xl font-semibold outline-none focus:ring-4 focus:ring-amber-400"
              data-testid="precheck-results-title"
            >
              预检结果
            </h2>
            {state.candidates.map((c, i) => {
              const o = OUTCOME[c.result.outcome];
              const title = `${CHANNEL_LABELS[c.channel as Channel]}${c.subtype ? ` · ${SUBTYPE_LABELS[c.subtype as Subtype]}` : ""}`;
              return (
                <article key={`${c.channel}-${c.subtype ?? ""}`} className={`rounded-lg border-l-4 p-4 ${o.cls}`} data-outcome={c.result.outcome}>
                  <h3 className="font-semibold">
                    {i === 0 && c.result.outcome !== "ineligible" ? "推荐：" : ""}
                    {title}
                  </h3>
                  <p className="mt-1">
                    {o.text}（依据：{c.basis}）
                  </p>
                  {c.why.length > 0 && (
                    <>
                      <h4 className="mt-2 text-sm font-semibold">{c.result.outcome === "ineligible" ? "不符合的原因" : "请注意"}</h4>
                      <ul className="mt-1 list-disc pl-5 text-sm">
                        {c.why.map((r) => (
                          <li key={r.code}>{r.text}</li>
                        ))}
                      </ul>
                    </>
                  )}
                  {c.result.suggestedChannels.length > 0 && (
                    <p className="mt-2 text-sm">建议改选：{c.result.suggestedChannels.map((s) => CHANNEL_LABELS[s]).join("、")}</p>
                  )}
                  {c.result.outcome !== "ineligible" && (
                    <>
                      <h4 className="mt-3 text-sm font-semibold">需要准备的材料清单</h4>
                      <ul className="mt-1 list-disc pl-5 text-sm" data-testid="checklist">
                        {c.result.missingDocuments.map((d) => (
                          <li key={d}>{DOCUMENT_LABELS[d]}</li>
                        ))}
                      </ul>
                      <Link href={`/apply/new?precheck=${c.carry}`} className="btn-primary mt-3">
                        按此通道开始申请
                      </Link>
                    </>
                  )}
                </article>
              );
            })}
            <p className="text-sm text-slate-600">
              规则版本：{state.ruleSetVersion}。{texts.resultNote}
            </p>
          </div>
        )}
      </section>
    </div>
  );
}
