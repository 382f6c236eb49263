import { route } from "@/lib/http/handler";
import { releaseParams } from "@/lib/http/common.validation";
import { buildReleaseReport } from "@/lib/report/build-report";
import { renderReportMarkdown } from "@/lib/report/render-markdown";
import { reportQuery } from "@/lib/report/report.validation";

export const GET = route({ permission: "release.read", params: releaseParams, query: reportQuery }, async ({ params, query }) => {
  const report = await buildReleaseReport(params.releaseId);
  const filename = `release-report-${report.release.version.replace(/[^\w.-]/g, "_")}.md`;
  return new Response(renderReportMarkdown(report, query.lang), {
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
});
