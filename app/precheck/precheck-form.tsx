"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import Link from "next/link";
import { precheckAction, type PrecheckState } from "./actions";
import type { Channel, DocumentCode, Relation, Subtype, Tenure } from "@/lib/schemas/eligibility";
import { ErrorSummary, Field, fieldAria, issueFor } from "@/components/forms/field";
import { SelectOptions } from "@/components/forms/select-options";

type County = { code: string; name: string };

/**
 * The words of the form, passed by the page (a server component), so that the browser bundle
 * never imports the zod schemas module they live in.
 */
export type PrecheckLabels = {
  backgrounds: Array<[string, string]>;
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
  onChange: (v: string) => void;
  options: Array<[string, string]>;
  error?: string;
}) {
  return (
    <fieldset aria-describedby={error ? `${name}-error` : undefined}>
      <legend className="label">{legend}</legend>
      <div className="mt-1 flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:gap-x-5">
        {options.map(([v, label], i) => (
          <label key={v} className="flex items-center gap-2">
            <input type="radio" id={i === 0 ? name : undefined} name={name} value={v} checked={value === v} onChange={() => onChange(v)} className="h-5 w-5" />
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
  const set = (k: keyof typeof a) => (v: string) => setA((s) => ({ ...s, [k]: v }));
  const err = (p: string) => issueFor(state.issues, p);
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
          <Field id="pc-name" label="姓名（选填）" error={err("name")}>
            <input
              id="pc-name"
              className="input"
              value={a.name}
              onChange={(e) => set("name")(e.target.value)}
              autoComplete="off"
              {...fieldAria("pc-name", err("name"))}
            />
          </Field>
          <Field id="pc-id" label={texts.words.idLabel} hint={texts.words.idHint} error={err("idNumber")}>
            <input
              id="pc-id"
              className="input"
              value={a.idNumber}
              maxLength={18}
              onChange={(e) => set("idNumber")(e.target.value)}
              autoComplete="off"
              {...fieldAria("pc-id", err("idNumber"), "hint")}
            />
          </Field>
          {a.idNumber.trim() === "" && (
            <Field id="pc-birth" label="出生日期" hint={texts.birthHint} error={err("birthDate")}>
              <input
                id="pc-birth"
                type="date"
                className="input"
                value={a.birthDate}
                onChange={(e) => set("birthDate")(e.target.value)}
                autoComplete="off"
                {...fieldAria("pc-birth", err("birthDate"), "hint")}
              />
            </Field>
          )}
        </div>
        <Radios
          name="hukouType"
          legend="当前户口性质"
          value={a.hukouType}
          onChange={set("hukouType")}
          options={[
            ["rural", "农业户口（农村）"],
            ["urban", "城镇户口"],
          ]}
          error={err("hukouType")}
        />

        <h2 className="text-lg font-semibold">2. 想落户到哪里</h2>
        <Field id="pc-county" label="县（市、区）" error={err("destinationCounty")}>
          <select
            id="pc-county"
            className="input"
            value={a.destinationCounty}
            onChange={(e) => set("destinationCounty")(e.target.value)}
            {...fieldAria("pc-county", err("destinationCounty"))}
          >
            <SelectOptions placeholder="请选择" options={counties} />
          </select>
        </Field>

        <h2 className="text-lg font-semibold">3. 您的情况</h2>
        <Field id="pc-bg" label={texts.words.backgroundLegend} error={err("background")}>
          <select
            id="pc-bg"
            className="input"
            value={a.background}
            onChange={(e) => set("background")(e.target.value)}
            {...fieldAria("pc-bg", err("background"))}
          >
            <option value="">请选择</option>
            {labels.backgrounds.map(([b, label]) => (
              <option key={b} value={b}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Radios
          name="housing"
          legend={texts.words.housingLegend}
          value={a.housing}
          onChange={set("housing")}
          options={[
            ["rented", TENURE_LABELS.rented],
            ["owned", TENURE_LABELS.owned],
            ["employer_housing", TENURE_LABELS.employer_housing],
            ["none", "暂无住所"],
          ]}
          error={err("housing")}
        />
        {a.housing !== "none" && a.housing !== "" && (
          <Radios
            name="housingLegal"
            legend={texts.words.housingLegalLegend}
            value={a.housingLegal}
            onChange={set("housingLegal")}
            options={[
              ["yes", "是"],
              ["no", "不是"],
            ]}
          />
        )}
        <Radios
          name="relation"
          legend={texts.relativeLegend}
          value={a.relation}
          onChange={set("relation")}
          options={[
            ["none", "不投靠"],
            ["spouse", `投靠${RELATION_LABELS.spouse}`],
            ["child", texts.words.joinParent],
            ["parent", texts.words.joinChild],
            ["grandrelative", texts.words.grandRelative],
            ["other", texts.words.otherRelative],
          ]}
        />
        {a.relation !== "none" && (
          <div className="grid gap-4 sm:grid-cols-2">
            <Radios
              name="livesTogether"
              legend={texts.words.livesTogetherLegend}
              value={a.livesTogether}
              onChange={set("livesTogether")}
              options={[
                ["yes", "是"],
                ["no", "否"],
              ]}
            />
            <Radios
              name="relativeHasHukou"
              legend={texts.words.relativeHukouLegend}
              value={a.relativeHasHukou}
              onChange={set("relativeHasHukou")}
              options={[
                ["yes", "是"],
                ["no", "否"],
              ]}
            />
            {a.relativeHasHukou === "no" && (
              <Radios
                name="relativeHasResidence"
                legend={texts.sharedHomeLegend}
                value={a.relativeHasResidence}
                onChange={set("relativeHasResidence")}
                options={[
                  ["yes", "是"],
                  ["no", "否"],
                ]}
              />
            )}
          </div>
        )}
        <Radios
          name="employed"
          legend={texts.employedLegend}
          value={a.employed}
          onChange={set("employed")}
          options={[
            ["yes", "已就业"],
            ["no", "暂未就业"],
          ]}
          error={err("employed")}
        />
        {a.employed === "yes" && (
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="pc-work" label="就业所在县（市、区）">
              <select id="pc-work" className="input" value={a.workCounty} onChange={(e) => set("workCounty")(e.target.value)}>
                <SelectOptions placeholder="与落户地相同" options={counties} />
              </select>
            </Field>
            <Radios
              name="employerHasCollectiveHousehold"
              legend={texts.words.employerCollectiveLegend}
              value={a.employerHasCollectiveHousehold}
              onChange={set("employerHasCollectiveHousehold")}
              options={[
                ["no", "没有"],
                ["yes", "有"],
              ]}
            />
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
