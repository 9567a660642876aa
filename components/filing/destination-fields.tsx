"use client";

import { useState } from "react";
import { Field, fieldAria, issueFor } from "@/components/forms/field";
import { suggestStation, type StationOption } from "@/lib/filings/suggest-station";
import { useFormState } from "./step-form";
import { SelectOptions } from "@/components/forms/select-options";

/**
 * County, address and the police station that will handle the filing. The station list follows
 * the county; the address suggests a station until the resident picks one themselves.
 */
export function DestinationFields({
  counties,
  stations,
  defaults,
  collective,
  talent,
}: {
  counties: Array<{ code: string; name: string }>;
  stations: StationOption[];
  defaults: { county?: string; address?: string; stationId?: string };
  collective: boolean;
  /** Key groups (二(一)): someone with no home settles in the collective household of where they live or will work. */
  talent?: boolean;
}) {
  const s = useFormState();
  const [county, setCounty] = useState(s.values?.county ?? defaults.county ?? "");
  const [address, setAddress] = useState(s.values?.address ?? defaults.address ?? "");
  const [stationId, setStationId] = useState(s.values?.stationId ?? defaults.stationId ?? "");
  const [picked, setPicked] = useState(!!(s.values?.stationId ?? defaults.stationId));
  const inCounty = stations.filter((st) => st.countyCode === county);
  const suggested = suggestStation(stations, county, address);
  const effective = picked && inCounty.some((st) => st.id === stationId) ? stationId : (suggested ?? "");
  const err = (p: string) => issueFor(s.issues, p);
  const chosen = stations.find((st) => st.id === effective);
  return (
    <div className="space-y-5">
      <Field id="f-county" label={collective ? "就业单位所在县（市、区）" : "落户地县（市、区）"} error={err("county")}>
        <select
          id="f-county"
          name="county"
          className="input"
          value={county}
          onChange={(e) => {
            setCounty(e.target.value);
            setPicked(false);
          }}
          {...fieldAria("f-county", err("county"))}
        >
          <SelectOptions placeholder="请选择" options={counties} />
        </select>
      </Field>
      <Field
        id="f-address"
        label={collective ? "就业单位地址" : talent ? "落户住所地址，或（暂无住所的）居住或拟就业的地点" : "落户详细地址"}
        hint={
          collective
            ? "社区集体户设在就业所在地派出所（方案二(三)），请填写就业单位的详细地址"
            : talent
              ? "有住所的填写住所详细地址；暂无住所的，填写居住或拟就业的乡镇（街道）或社区即可，将由该地派出所登记到社区集体户或人才交流中心集体户，不必填写门牌"
              : "住所的详细地址，如：湖滨区崤山路88号院3号楼2单元501室"
        }
        error={err("address")}
      >
        <input
          id="f-address"
          name="address"
          className="input"
          value={address}
          maxLength={200}
          autoComplete="street-address"
          onChange={(e) => setAddress(e.target.value)}
          {...fieldAria("f-address", err("address"), "hint")}
        />
      </Field>
      <Field id="f-stationId" label="受理派出所" hint={county ? "已根据地址推荐辖区派出所，如不对请另选" : "请先选择县（市、区）"} error={err("stationId")}>
        <select
          id="f-stationId"
          name="stationId"
          className="input"
          value={effective}
          disabled={!county}
          onChange={(e) => {
            setStationId(e.target.value);
            setPicked(true);
          }}
          {...fieldAria("f-stationId", err("stationId"), "hint")}
        >
          <SelectOptions placeholder="请选择派出所" options={inCounty} />
        </select>
      </Field>
      {chosen && (
        <p className="text-sm text-slate-600" data-testid="station-address">
          派出所地址：{chosen.address}
        </p>
      )}
    </div>
  );
}
