import { makeIdNumber } from "@/lib/schemas/id-number";

/** A valid ID number (GB 11643) for tests: region, birth date YYYYMMDD, sequence. */
export function testId(region = "410323", birth = "19900101", seq = "123"): string {
  return makeIdNumber(`${region}${birth}${seq}`);
}

/** The same number with a wrong check digit. */
export function badChecksum(id: string): string {
  const last = id[17] === "0" ? "1" : "0";
  return id.slice(0, 17) + last;
}
