import { displayFileName, docTypeLabel } from "@/lib/filings/upload-document";

type Doc = { id: string; docType: string; fileName: string; mimeType: string; size: number };

const label = docTypeLabel;
const kb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/**
 * Each document viewable in the page: images and PDFs open inline (loaded only when the
 * clerk opens them), served by the authorized file route GET /api/files/<documentId>.
 */
export function DocumentViewer({ docs }: { docs: Doc[] }) {
  if (docs.length === 0) return <p className="text-sm text-slate-600">未上传材料。</p>;
  return (
    <ul className="space-y-2">
      {docs.map((d) => {
        // Inline (sandboxed) only here, in the viewer; every other link downloads the file.
        const src = `/api/files/${encodeURIComponent(d.id)}?view=inline`;
        const title = `${label(d.docType)}：${displayFileName(d.fileName)}`;
        return (
          <li key={d.id}>
            <details className="rounded border border-slate-200 bg-white" data-testid="document">
              <summary className="cursor-pointer px-3 py-2 text-sm">
                <span className="font-medium">{label(d.docType)}</span>
                <span className="ml-2 text-slate-600">
                  {displayFileName(d.fileName)}（{kb(d.size)}）
                </span>
              </summary>
              <div className="border-t border-slate-200 p-2">
                {d.mimeType.startsWith("image/") ? (
                  // An authorized, per-request file: next/image's optimizer must not cache it.
                  // eslint-disable-next-line @next/next/no-img-element
                  <img src={src} alt={title} loading="lazy" className="mx-auto max-h-[80vh] max-w-full" />
                ) : d.mimeType === "application/pdf" ? (
                  <iframe src={src} title={title} loading="lazy" className="h-[70vh] w-full" />
                ) : null}
                <a href={src} target="_blank" rel="noopener noreferrer" className="mt-1 inline-block text-sm text-brand-700 underline">
                  在新窗口打开
                </a>
              </div>
            </details>
          </li>
        );
      })}
    </ul>
  );
}
