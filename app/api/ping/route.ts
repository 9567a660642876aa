/** A constant answer: the baseline the eligibility API's throughput is compared with (npm run bench). */
export function GET() {
  return Response.json({ ok: true, service: "luohu" });
}
