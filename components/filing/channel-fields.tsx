"use client";

import { useState } from "react";
import { issueFor } from "@/components/forms/field";
import type { ChannelOption } from "@/lib/filings/channel-guide";
import { useFormState } from "./step-form";

/** The channel (with its plain explanation and clause) and, where the channel has them, its subtype. */
/** `options` come from the server (channelOptions()), so the schemas and zod stay out of the browser bundle. */
export function ChannelFields({ options, defaultChannel, defaultSubtype }: { options: ChannelOption[]; defaultChannel?: string; defaultSubtype?: string }) {
  const s = useFormState();
  const [channel, setChannel] = useState<string | undefined>(s.values?.channel ?? defaultChannel);
  const subtype = s.values?.subtype ?? defaultSubtype;
  const channelError = issueFor(s.issues, "channel");
  const subtypeError = issueFor(s.issues, "subtype");
  return (
    <fieldset aria-describedby={channelError ? "f-channel-error" : undefined}>
      <legend className="label text-base">请选择落户通道</legend>
      <p className="mb-3 text-sm text-slate-600">不确定选哪一项？可先做“落户预检”。落户遵循本人意愿，不以购房、投资纳税、积分或退出农村土地权益为条件。</p>
      <div className="space-y-3">
        {options.map((c) => {
          const subtypes = c.subtypes;
          const selected = channel === c.channel;
          return (
            <div key={c.channel} className={`rounded-md border bg-white p-3 ${selected ? "border-brand-600 ring-1 ring-brand-600" : "border-slate-200"}`}>
              <label className="flex cursor-pointer items-start gap-3">
                <input
                  type="radio"
                  name="channel"
                  value={c.channel}
                  defaultChecked={selected}
                  onChange={() => setChannel(c.channel)}
                  className="mt-1 h-5 w-5 shrink-0"
                />
                <span>
                  <span className="font-semibold">{c.title}</span> <span className="text-sm text-slate-500">（方案{c.clause}）</span>
                  <span className="mt-1 block text-sm text-slate-700">{c.text}</span>
                  <span className="mt-1 block text-sm text-slate-600">{c.who}</span>
                </span>
              </label>
              {selected && subtypes.length > 0 && (
                <fieldset className="mt-3 border-t border-slate-200 pl-8 pt-3" aria-describedby={subtypeError ? "f-subtype-error" : undefined}>
                  <legend className="label">您属于哪一类？</legend>
                  <div className="space-y-2">
                    {subtypes.map((st) => (
                      <label key={st.value} className="flex cursor-pointer items-start gap-3">
                        <input type="radio" name="subtype" value={st.value} defaultChecked={subtype === st.value} className="mt-1 h-5 w-5 shrink-0" />
                        <span>
                          {st.label}
                          <span className="block text-sm text-slate-600">{st.hint}</span>
                        </span>
                      </label>
                    ))}
                  </div>
                  {subtypeError && (
                    <p id="f-subtype-error" className="field-error" role="alert">
                      {subtypeError}
                    </p>
                  )}
                </fieldset>
              )}
            </div>
          );
        })}
      </div>
      {channelError && (
        <p id="f-channel-error" className="field-error" role="alert">
          {channelError}
        </p>
      )}
    </fieldset>
  );
}
