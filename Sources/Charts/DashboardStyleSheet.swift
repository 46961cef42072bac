/// The dashboard's only stylesheet, inlined in the page.
///
/// A single file that opens offline must carry its CSS: no `@import`, no
/// `url(...)`, no web fonts (the system font stack). It avoids `<` and `&`
/// so the page stays well-formed XML, which is how the tests check it.
/// Print rules keep panels whole and mark good/bad tiles by border style as
/// well as colour.
enum DashboardStyleSheet {
    static let css = """
    :root { color-scheme: light; }
    * { box-sizing: border-box; }
    body { margin: 0; padding: 24px; font-family: \(ChartStyle.fontFamily);
           color: #222222; background: #f5f5f3; line-height: 1.4; }
    header { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline;
             border-bottom: 2px solid #222222; margin-bottom: 20px; padding-bottom: 8px; }
    header h1 { margin: 0; font-size: 1.6em; }
    header p { margin: 0; color: #444444; }
    .tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 12px; margin-bottom: 24px; }
    .tile { background: #ffffff; border: 1px solid #cccccc; border-left: 6px solid #999999; padding: 10px 12px; }
    .tile.good { border-left-color: #1b7f3b; }
    .tile.bad { border-left: 6px double #b00020; }
    .tile-label { font-size: 0.85em; color: #444444; }
    .tile-value { font-size: 1.6em; font-weight: bold; font-variant-numeric: tabular-nums; }
    .tile-target, .tile-note { font-size: 0.8em; color: #444444; }
    .tile.good strong { color: #1b7f3b; }
    .tile.bad strong { color: #b00020; }
    .panels { display: grid; grid-template-columns: repeat(auto-fit, minmax(480px, 1fr)); gap: 16px; }
    .panel { background: #ffffff; border: 1px solid #cccccc; padding: 12px 16px; overflow-x: auto; }
    .panel h2 { margin: 0 0 8px 0; font-size: 1.15em; }
    .panel p.note { margin: 0 0 8px 0; color: #444444; font-size: 0.9em; }
    svg.chart { display: block; max-width: 100%; height: auto; }
    table.data { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; font-size: 0.9em; }
    table.data caption { text-align: left; font-weight: bold; padding-bottom: 6px; }
    table.data th, table.data td { padding: 4px 8px; border-bottom: 1px solid #dddddd; }
    table.data thead th { border-bottom: 2px solid #222222; }
    table.data tfoot td { border-top: 2px solid #222222; font-weight: bold; }
    table.data .number { text-align: right; white-space: nowrap; }
    table.data .text { text-align: left; }
    svg.cell-bar { vertical-align: middle; }
    footer { margin-top: 24px; color: #555555; font-size: 0.8em; border-top: 1px solid #cccccc; padding-top: 8px; }
    @media print {
      body { background: #ffffff; padding: 0; }
      .panels { display: block; }
      .panel, .tile { break-inside: avoid; page-break-inside: avoid; margin-bottom: 12px; }
      .tile.good { border-left-style: solid; }
      .tile.bad { border-left-style: double; }
    }
    """
}
