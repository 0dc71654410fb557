using System.Globalization;
using System.Net;
using System.Text;
using GuidanceBot.Analytics;

namespace GuidanceBot.Web.Analytics;

/// <summary>The periodic report as a self-contained page that prints on A4 (no scripts, no external files).</summary>
public static class ReportPage
{
    public static string Render(AnalyticsReport report)
    {
        var period = $"{report.Filter.From:dd/MM/yyyy} – {report.Filter.To:dd/MM/yyyy}";
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Báo cáo hướng dẫn thủ tục ").Append(E(period)).Append("</title>")
            .Append("<style>body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;width:100%;margin:1em 0}")
            .Append("th,td{border:1px solid #999;padding:4px 6px;text-align:right}th:first-child,td:first-child{text-align:left}")
            .Append("@page{size:A4;margin:15mm}@media print{body{margin:0}}</style></head><body>")
            .Append("<h1>Báo cáo hướng dẫn thủ tục trực tuyến</h1><p>Kỳ báo cáo: ").Append(E(period))
            .Append($". Lượt bắt đầu: {report.Totals.Started}, hoàn thành: {report.Totals.Completed}, bỏ dở: {report.Totals.Abandoned}, tỉ lệ hoàn thành: {P(report.Conversion)}.</p>")
            .Append("<h2>Theo thủ tục</h2><table><tr><th>Thủ tục</th><th>Bắt đầu</th><th>Hoàn thành</th><th>Bỏ dở</th><th>Dừng</th><th>Gặp cán bộ</th><th>Tỉ lệ hoàn thành</th><th>Bấm link cổng DVC</th><th>Thấy hữu ích</th></tr>");
        foreach (var f in report.Flows.Where(f => f.Runs.Started > 0))
        {
            html.Append("<tr><td>").Append(E(f.Title)).Append($"</td><td>{f.Runs.Started}</td><td>{f.Runs.Completed}</td><td>{f.Runs.Abandoned}</td><td>{f.Runs.Cancelled}</td>")
                .Append($"<td>{f.Runs.HandedOff}</td><td>{P(f.Conversion)}</td><td>{f.LinkClicks}</td><td>{P(f.HelpfulShare)}</td></tr>");
        }
        html.Append("</table><h2>Các bước người dân bỏ cuộc nhiều nhất</h2><table><tr><th>Thủ tục / bước</th><th>Vào bước</th><th>Bỏ cuộc</th><th>Bỏ dở</th><th>Dừng</th><th>Gặp cán bộ</th><th>Tỉ lệ</th></tr>");
        foreach (var s in report.WorstSteps)
        {
            html.Append("<tr><td>").Append(E($"{s.Flow} / {s.Step}")).Append($"</td><td>{s.Entered}</td><td>{s.Lost}</td><td>{s.Abandoned}</td><td>{s.Cancelled}</td><td>{s.HandedOff}</td><td>{P(s.LossRate)}</td></tr>");
        }
        if (report.Communes.Count > 0 || report.CommunesHidden > 0)
        {
            html.Append("</table><h2>Theo xã, phường</h2><table><tr><th>Xã, phường</th><th>Bắt đầu</th><th>Hoàn thành</th><th>Tỉ lệ hoàn thành</th><th>Kỳ trước</th></tr>");
            foreach (var c in report.Communes)
            {
                html.Append("<tr><td>").Append(E(c.Name)).Append($"</td><td>{c.Started}</td><td>{c.Completed}</td><td>{P(c.Conversion)}</td><td>{P(c.PreviousConversion)}</td></tr>");
            }
            html.Append("</table><p>").Append(report.CommunesHidden.ToString(CultureInfo.InvariantCulture))
                .Append(" xã, phường có ít lượt quá nên không hiển thị số liệu riêng, để không nhận ra được người dân.</p><table>");
        }
        html.Append("</table><h2>Câu bot chưa hiểu (đã ẩn thông tin cá nhân)</h2><table><tr><th>Câu</th><th>Số lần</th></tr>");
        foreach (var t in report.NotUnderstood)
        {
            html.Append("<tr><td>").Append(E(t.Text)).Append($"</td><td>{t.Count}</td></tr>");
        }
        return html.Append("</table></body></html>").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string P(double? ratio) => ratio is { } r ? (r * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %" : "–";
}
