using System.Globalization;
using System.Text;
using System.Xml;

namespace StaffDataPipeline.PlanningPack.Xlsx;

/// <summary>A sheet's drawing part: one graphic frame per chart, anchored to cells, with the chart's description as alt text.</summary>
internal static class XlsxDrawingXml
{
    private const string Xdr = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
    private const string A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    private const string C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    private const string R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static byte[] Build(IReadOnlyList<(ChartAnchor Anchor, string RelationshipId)> charts)
    {
        var buffer = new MemoryStream();
        using (var w = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            w.WriteStartDocument(true);
            w.WriteStartElement("xdr", "wsDr", Xdr);
            w.WriteAttributeString("xmlns", "a", null, A);
            var id = 2;
            foreach (var (anchor, relationship) in charts)
            {
                w.WriteStartElement("twoCellAnchor", Xdr);
                w.WriteAttributeString("editAs", "oneCell");
                Marker(w, "from", anchor.FromColumn, 0, anchor.FromRow, 0);
                Marker(w, "to", anchor.ToColumn, anchor.ToColumnOffset, anchor.ToRow, anchor.ToRowOffset);
                w.WriteStartElement("graphicFrame", Xdr);
                w.WriteAttributeString("macro", string.Empty);
                w.WriteStartElement("nvGraphicFramePr", Xdr);
                w.WriteStartElement("cNvPr", Xdr);
                w.WriteAttributeString("id", (id++).ToString(CultureInfo.InvariantCulture));
                w.WriteAttributeString("name", XmlText.Clean(anchor.Name));
                w.WriteAttributeString("descr", XmlText.Clean(anchor.Description));
                w.WriteEndElement();
                w.WriteElementString("cNvGraphicFramePr", Xdr, string.Empty);
                w.WriteEndElement();
                w.WriteStartElement("xfrm", Xdr);
                w.WriteStartElement("off", A);
                w.WriteAttributeString("x", "0");
                w.WriteAttributeString("y", "0");
                w.WriteEndElement();
                w.WriteStartElement("ext", A);
                w.WriteAttributeString("cx", "0");
                w.WriteAttributeString("cy", "0");
                w.WriteEndElement();
                w.WriteEndElement();
                w.WriteStartElement("graphic", A);
                w.WriteStartElement("graphicData", A);
                w.WriteAttributeString("uri", C);
                w.WriteStartElement("c", "chart", C);
                w.WriteAttributeString("xmlns", "r", null, R);
                w.WriteAttributeString("id", R, relationship);
                w.WriteEndElement();
                w.WriteEndElement();
                w.WriteEndElement();
                w.WriteEndElement(); // graphicFrame
                w.WriteElementString("clientData", Xdr, string.Empty);
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    private static void Marker(XmlWriter w, string name, int column, long columnOffset, int row, long rowOffset)
    {
        w.WriteStartElement(name, Xdr);
        w.WriteElementString("col", Xdr, column.ToString(CultureInfo.InvariantCulture));
        w.WriteElementString("colOff", Xdr, columnOffset.ToString(CultureInfo.InvariantCulture));
        w.WriteElementString("row", Xdr, row.ToString(CultureInfo.InvariantCulture));
        w.WriteElementString("rowOff", Xdr, rowOffset.ToString(CultureInfo.InvariantCulture));
        w.WriteEndElement();
    }
}
