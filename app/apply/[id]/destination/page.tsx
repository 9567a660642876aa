import { draftForPage } from "../../draft-page";
import { runQuery } from "@/lib/auth/guard";
import { destinationStationsQuery } from "@/lib/filings/load-resident-pages";
import { COUNTIES } from "@/lib/places";
import { StepForm } from "@/components/filing/step-form";
import { DestinationFields } from "@/components/filing/destination-fields";
import { destinationTitle } from "@/lib/filings/filing-tasks";
import { saveStepAction } from "../../actions";

export const metadata = { title: "落户地址与派出所" };

export default async function DestinationPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ return?: string }> }) {
  const { id } = await params;
  const { return: ret } = await searchParams;
  const { user, draft, answers } = await draftForPage(id, "destination");
  const stations = await runQuery(user, destinationStationsQuery);
  const collective = draft.channel === "collective";
  const d = answers.destination;
  return (
    <div>
      <h1 className="page-title">{destinationTitle(draft.channel)}</h1>
      <p className="mb-4 text-sm text-slate-600">
        {collective ? "社区集体户落户在就业所在地派出所办理（方案二(三)）。" : "申请由落户地址所在辖区的派出所受理。"}
      </p>
      <StepForm action={saveStepAction.bind(null, "destination")} hidden={{ applicationId: draft.id, _return: ret }} submitLabel="保存并继续">
        <DestinationFields
          counties={COUNTIES.map((c) => ({ code: c.code, name: c.name }))}
          stations={stations}
          defaults={{ county: d?.county ?? answers.prefill?.destinationCounty, address: d?.address, stationId: d?.stationId }}
          collective={collective}
          talent={draft.channel === "talent"}
        />
      </StepForm>
    </div>
  );
}
