/**
 * Which 派出所 serves an address: the station of the county whose own place name (前进, 车站,
 * 大营 …) or address words appear in the resident's address. Only a suggestion — the resident
 * confirms or picks another station of the county from the list.
 */
export type StationOption = { id: string; name: string; address: string; countyCode: string };

/** 三门峡市公安局湖滨分局前进派出所 → 前进; 渑池县公安局城关派出所 → 城关. */
export function stationPlace(name: string): string {
  const m = /(?:分局|公安局)([^分局公安]+?)派出所$/.exec(name);
  return m ? m[1] : name.replace(/派出所$/, "");
}

export function suggestStation(stations: StationOption[], countyCode: string, address: string): string | null {
  const inCounty = stations.filter((s) => s.countyCode === countyCode);
  if (inCounty.length === 0) return null;
  const text = address.replace(/\s+/g, "");
  let best: { id: string; score: number } | null = null;
  for (const s of inCounty) {
    const place = stationPlace(s.name);
    let score = place && text.includes(place) ? 10 + place.length : 0;
    // Street or town words of the station's own address (e.g. 崤山路, 黄河路, 大营镇).
    for (const word of s.address.match(/[\u4e00-\u9fff]{2,}(?:路|街|镇|乡|街道|大道)/g) ?? []) {
      const core = word.replace(/^(湖滨区|陕州区|渑池县|卢氏县|义马市|灵宝市|城乡一体化示范区|经济开发区)/, "");
      if (core.length >= 2 && text.includes(core)) score += core.length;
    }
    if (score > 0 && (!best || score > best.score)) best = { id: s.id, score };
  }
  return best?.id ?? (inCounty.length === 1 ? inCounty[0].id : null);
}
