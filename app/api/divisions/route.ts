import { childDivisions } from "@/lib/divisions/divisions";

/** Public reference data for the origin picker: ?parent= (none: provinces; 2 digits: cities; 4 digits: counties). */
export function GET(req: Request) {
  const parent = new URL(req.url).searchParams.get("parent") ?? undefined;
  if (parent !== undefined && !/^(\d{2}|\d{4})$/.test(parent))
    return Response.json({ error: "validation_failed", message: "parent 应为2位或4位区划代码" }, { status: 400 });
  return Response.json({ divisions: childDivisions(parent) }, { headers: { "Cache-Control": "public, max-age=86400" } });
}
