import { describe, expect, it } from "vitest";
import { createElement, type FunctionComponent, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { CheckboxField, InputField, SelectField, TextareaField } from "@/components/forms/field-controls";
import { ActionForm } from "@/components/forms/action-form";
import { formValues } from "@/components/forms/form-values";

const html = <P extends object>(component: (props: P) => ReactNode, props: P, ...children: ReactNode[]) =>
  renderToStaticMarkup(createElement(component as FunctionComponent<P>, props, ...children));

describe("labelled controls", () => {
  it("tie the label to the input and point it at its hint and error", () => {
    const out = html(InputField, { id: "s-name", label: "姓名", hint: "如 张三", error: "请填写姓名", value: "", onValue: () => {} });
    expect(out).toContain('<label for="s-name" class="label">姓名</label>');
    expect(out).toContain('<p id="s-name-hint"');
    expect(out).toMatch(/<input id="s-name" class="input"[^>]* aria-invalid="true" aria-describedby="s-name-hint s-name-error"/);
    expect(out).toContain('<p id="s-name-error" class="field-error" role="alert">请填写姓名</p>');
  });

  it("leave the aria attributes out while there is nothing to point at, and pass the element's own attributes", () => {
    const out = html(TextareaField, { id: "t", label: "说明", rows: 2, className: "input font-mono", "data-testid": "t-text", value: "x", onValue: () => {} });
    expect(out).toBe('<div><label for="t" class="label">说明</label><textarea id="t" class="input font-mono" rows="2" data-testid="t-text">x</textarea></div>');
  });

  it("list a select's options after its empty choice (counties as { code, name }), or its own options", () => {
    const counties = html(SelectField, {
      id: "c",
      label: "县",
      placeholder: "请选择",
      options: [{ code: "411202", name: "湖滨区" }],
      value: "",
      onValue: () => {},
    });
    expect(counties).toContain('<select id="c" class="input"><option value="" selected="">请选择</option><option value="411202">湖滨区</option></select>');
    const own = html(SelectField, { id: "k", label: "安排", value: "b", onValue: () => {} }, createElement("option", { value: "b" }, "B"));
    expect(own).toContain('<select id="k" class="input"><option value="b" selected="">B</option></select>');
  });

  it("give a checkbox its words in the label and its error under it", () => {
    const out = html(CheckboxField, { id: "a", label: "在用", checked: true, onChecked: () => {}, error: "错了" });
    expect(out).toMatch(
      /<label class="flex items-center gap-2"><input id="a" type="checkbox" class="h-5 w-5" [^>]*aria-describedby="a-error"[^>]*\/>在用<\/label>/,
    );
    expect(out).toMatch(/<input [^>]*aria-invalid="true"[^>]*checked=""/);
    expect(out).toContain('<p id="a-error" class="field-error" role="alert">错了</p>');
  });
});

describe("ActionForm", () => {
  const base = { pending: false, err: null, done: null, send: () => {} };

  it("shows the saved line made from the result, and the busy button while it is sent", () => {
    const saved = html(ActionForm<{ n: string }>, {
      form: { ...base, done: { n: "24号" } },
      saved: (d: { n: string }) => `已保存方案 ${d.n}。`,
      submit: "保存方案",
      children: null,
    });
    expect(saved).toContain('<p role="status" class="rounded bg-green-50 p-2 text-green-900">已保存方案 24号。</p>');
    expect(saved).toContain('<button type="submit" class="btn-primary">保存方案</button>');
    const busy = html(ActionForm, { form: { ...base, pending: true }, saved: "已保存。", submit: "保存", label: "录入", children: null });
    expect(busy).toBe(
      '<form class="space-y-3" noValidate="" aria-label="录入"><button type="submit" class="btn-primary" disabled="">正在保存…</button></form>',
    );
  });

  it("shows the server's message in the error summary", () => {
    const out = html(ActionForm, {
      form: { ...base, err: { code: "validation", message: "填写有误", issues: [] } },
      saved: "已保存。",
      submit: "保存",
      children: null,
    });
    expect(out).toContain('data-testid="error-summary"');
    expect(out).toContain("填写有误");
    expect(out).not.toContain('role="status"');
  });
});

describe("formValues", () => {
  it("takes the form's fields from a stored record: numbers as digits, null as empty, other fields left out", () => {
    const empty = { code: "", phone: "", year: "", active: true };
    expect(formValues(empty, { code: "411202-04", phone: null, year: 2025, active: false, ...{ createdAt: new Date() } })).toEqual({
      code: "411202-04",
      phone: "",
      year: "2025",
      active: false,
    });
    expect(formValues(empty)).toEqual(empty);
  });
});
