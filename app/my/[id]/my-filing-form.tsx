import Link from "next/link";
import type { ComponentProps } from "react";
import { StepForm } from "@/components/filing/step-form";

type Props = Omit<ComponentProps<typeof StepForm>, "hidden" | "aside"> & { applicationId: string; backLabel: string };

/** A resident's form about one of their filings (resubmit, withdraw): it sends the filing's id, and beside its button a link leads back to the filing. */
export function MyFilingForm({ applicationId, backLabel, ...form }: Props) {
  return (
    <StepForm
      {...form}
      hidden={{ applicationId }}
      aside={
        <Link href={`/my/${applicationId}`} className="text-brand-700 underline">
          {backLabel}
        </Link>
      }
    />
  );
}
