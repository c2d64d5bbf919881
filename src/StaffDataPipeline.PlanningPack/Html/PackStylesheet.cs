namespace StaffDataPipeline.PlanningPack.Html;

/// <summary>
/// The page's only stylesheet, inline. Sizes in rem so the page reflows at 200% zoom (tables scroll inside their own
/// box rather than the page), colours at least 4.5:1 for text on their background, a visible focus ring, and a print
/// stylesheet that starts each section on a new page and keeps a chart with its caption.
/// </summary>
internal static class PackStylesheet
{
    public const string Css = """
        *, *::before, *::after { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body { margin: 0; font-family: Arial, "Liberation Sans", "DejaVu Sans", "Helvetica Neue", Helvetica, sans-serif; font-size: 1rem; line-height: 1.5; color: #1a1a1a; background: #ffffff; }
        .page { max-width: 64rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
        .skip { position: absolute; left: -100rem; top: 0; }
        .skip:focus { left: 1rem; top: 1rem; background: #ffffff; padding: 0.5rem 0.75rem; }
        a { color: #0b4f8a; text-underline-offset: 0.15em; }
        a:focus-visible, .table-wrap:focus-visible { outline: 3px solid #a63603; outline-offset: 2px; }
        h1 { font-size: 1.9rem; line-height: 1.25; color: #1f3864; margin: 0.75rem 0 0.5rem; }
        h2 { font-size: 1.5rem; line-height: 1.3; color: #1f3864; border-bottom: 2px solid #1f3864; padding-bottom: 0.25rem; margin: 3rem 0 1rem; }
        h3 { font-size: 1.2rem; line-height: 1.3; color: #1a1a1a; margin: 2rem 0 0.5rem; }
        p { max-width: 48rem; margin: 0.5rem 0; }
        .run { color: #404040; }
        nav h2 { margin-top: 1.5rem; }
        nav ol { columns: 2 18rem; column-gap: 2rem; padding-left: 1.5rem; }
        nav li { margin: 0.2rem 0; break-inside: avoid; }
        .note { background: #fff2cc; border-left: 0.4rem solid #8a6d00; padding: 0.5rem 0.75rem; }
        .note strong { color: #5c2e00; }
        figure { margin: 1.5rem 0 0.5rem; }
        figcaption { font-weight: 700; font-size: 1.1rem; margin-bottom: 0.25rem; }
        svg.chart { display: block; width: 100%; max-width: 50rem; height: auto; }
        svg.chart text { font-family: inherit; fill: #262626; }
        .table-wrap { overflow-x: auto; margin: 0.5rem 0 1.5rem; max-width: 100%; }
        table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
        caption { caption-side: top; text-align: left; font-weight: 700; padding: 0.25rem 0 0.4rem; }
        th, td { padding: 0.3rem 0.65rem; border-bottom: 1px solid #bfbfbf; vertical-align: top; }
        thead th { background: #d9e2f3; border-bottom: 2px solid #1f3864; text-align: left; vertical-align: bottom; }
        tbody th { text-align: left; font-weight: 400; }
        .num { text-align: right; white-space: nowrap; }
        .back { font-size: 0.9rem; margin-top: 1.5rem; }
        @media print {
          .skip, .back { display: none; }
          body { font-size: 10pt; }
          .page { max-width: none; padding: 0; }
          main > section { break-before: page; }
          figure, tr, .note { break-inside: avoid; }
          h2, h3, caption, figcaption { break-after: avoid; }
          thead { display: table-header-group; }
          .table-wrap { overflow: visible; }
          a { color: inherit; text-decoration: none; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """;
}
