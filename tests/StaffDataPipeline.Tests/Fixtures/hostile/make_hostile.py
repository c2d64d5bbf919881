#!/usr/bin/python3
"""Makes the hostile and malformed inputs of issue 6 (run with Debian's python3 and python3-openpyxl).

The outputs are committed, so `dotnet test` needs only the .NET SDK. Every person in them is invented.
Run from anywhere: python3 make_hostile.py
"""
import datetime
import io
import os
import struct
import zipfile

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
WORKFORCE = ["Role (taxonomy code or job title)", "Grade / band", "Headcount", "WTE in post",
             "Funded establishment WTE", "Vacant WTE", "Agency/locum WTE", "WTE in training"]
DEMAND = ["Role (taxonomy code or job title)", "Grade / band", "Projected WTE needed in 5 years",
          "Projected WTE needed in 10 years", "Main driver"]


def out(name):
    return os.path.join(HERE, name)


def fixed_zip_times(path):
    """openpyxl stamps the time of writing; pin it so that regenerating changes nothing."""
    with zipfile.ZipFile(path) as z:
        parts = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def return_workbook(org, period, workforce_rows, demand_rows=None):
    wb = openpyxl.Workbook()
    cover = wb.active
    cover.title = "Cover"
    for row in [("NHS Genomic Medicine Service workforce return", None), (None, None),
                ("Organisation ODS code", org), ("Organisation name", "Hostile corpus"),
                ("Organisation type", "GLH"), ("Return period", period), ("Service area", "Rare disease"),
                ("Template version", "1")]:
        cover.append(row)
    ws = wb.create_sheet("Workforce")
    ws.append(WORKFORCE)
    for row in workforce_rows:
        ws.append(row)
    if demand_rows:
        d = wb.create_sheet("Demand")
        d.append(DEMAND)
        for row in demand_rows:
            d.append(row)
    wb.properties.created = wb.properties.modified = datetime.datetime(2024, 1, 1)
    return wb


def save(wb, name):
    wb.save(out(name))
    fixed_zip_times(out(name))


def uncalculated_formulas():
    # WTE in post and vacancies are formulas, as a script writes them: openpyxl stores no cached value.
    rows = []
    for i, (role, grade) in enumerate([("GC", "Band 7"), ("Clinical Scientist", "Band 7"), ("MED-CG-CONS", "Consultant")], start=2):
        rows.append([role, grade, 5, f"=C{i}*0.9", 6, f"=E{i}-D{i}", 0, 0])
    save(return_workbook("RGT", "2023-24 Q1", rows), "uncalculated-formulas.xlsx")


def hidden_rows():
    rows = [["GC", "Band 7", 4, 4, 4, 0, 0, 0],
            ["GC", "Band 7", 40, 40, 40, 0, 0, 0],   # last quarter's figures, hidden
            ["GC", "Band 7", 41, 41, 41, 0, 0, 0],   # hidden
            ["Clinical Scientist", "Band 7", 3, 3, 3, 0, 0, 0]]
    wb = return_workbook("R0A", "2023-24 Q1", rows)
    ws = wb["Workforce"]
    ws.row_dimensions[3].hidden = True
    ws.row_dimensions[4].hidden = True
    save(wb, "hidden-rows.xlsx")


def total_rows_worded():
    rows = [["GC", "Band 7", 4, 4, 4, 0, 0, 0],
            ["Clinical Scientist", "Band 7", 3, 3, 3, 0, 0, 0],
            ["Laboratory sub-total", None, 3, 3, 3, 0, 0, 0],
            ["GRAND TOTAL", None, 7, 7, 7, 0, 0, 0],
            ["Total WTE", None, 7, 7, 7, 0, 0, 0],
            ["Sub total", None, 7, 7, 7, 0, 0, 0],
            ["Genetic counselling", "Totals", 4, 4, 4, 0, 0, 0],
            ["Subtotal (laboratory)", None, 3, 3, 3, 0, 0, 0]]
    save(return_workbook("RJ1", "2023-24 Q1", rows), "total-rows-worded.xlsx")


def broken_xml_inside_valid_zip():
    rows = [["GC", "Band 7", 4, 4, 4, 0, 0, 0], ["Clinical Scientist", "Band 7", 3, 3, 3, 0, 0, 0]]
    save(return_workbook("RP4", "2023-24 Q1", rows), "broken-xml.xlsx")
    with zipfile.ZipFile(out("broken-xml.xlsx")) as z:
        parts = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(out("broken-xml.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            if name == "xl/worksheets/sheet2.xml":
                data = data[: len(data) // 2]  # the sheet's XML stops mid-element; the zip itself is sound
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def falsified_zip_sizes():
    # A zip bomb whose directory claims every part is small: only inflating tells the truth.
    rows = [["GC", "Band 7", 4, 4, 4, 0, 0, 0]]
    save(return_workbook("RTD", "2023-24 Q1", rows), "falsified-sizes.xlsx")
    with zipfile.ZipFile(out("falsified-sizes.xlsx")) as z:
        parts = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            if name == "xl/worksheets/sheet2.xml":
                data = data.replace(b"</worksheet>", b"<extLst>" + b" " * (300 * 1024 * 1024) + b"</extLst></worksheet>")
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    raw = bytearray(buffer.getvalue())
    # Rewrite the uncompressed size (and keep the CRC) in every local header and central directory entry.
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (at := raw.find(signature, start)) >= 0:
            size = struct.unpack_from("<I", raw, at + offset - 4)[0]  # compressed size
            struct.pack_into("<I", raw, at + offset, max(size, 1))
            start = at + 4
    with open(out("falsified-sizes.xlsx"), "wb") as f:
        f.write(raw)


def unknown_organisation():
    # A return from an organisation code nobody has listed yet: it must show in `staffdata unmapped` with its return.
    save(return_workbook("RZZ", "2023-24 Q1", [["GC", "Band 7", 2, 2, 2, 0, 0, 0]]), "unknown-organisation-return.xlsx")


def open_document():
    with zipfile.ZipFile(out("return.ods"), "w") as z:
        info = zipfile.ZipInfo("mimetype", date_time=(2024, 1, 1, 0, 0, 0))
        z.writestr(info, "application/vnd.oasis.opendocument.spreadsheet")
        info = zipfile.ZipInfo("content.xml", date_time=(2024, 1, 1, 0, 0, 0))
        z.writestr(info, "<office:document-content xmlns:office='urn:oasis:names:tc:opendocument:xmlns:office:1.0'/>")


ESR_HEADER = "Employee Number,Assignment Number,Organisation Code,Position Title,Area of Work,Staff Group,Pay Band,Assignment Status,FTE,NI Number,Date of Birth,Effective Date\n"


def esr_rows(org, count, start=1):
    return "".join(
        f"{90000000 + i},{90000000 + i}-1,{org},Clinical Scientist,Genomics Laboratory,Healthcare Scientists,Band 7,Active Assignment,1.0000,QQ{100000 + i:06d}C,01/02/1980,30/09/2023\n"
        for i in range(start, start + count))


def write_text(name, text, encoding="utf-8"):
    with open(out(name), "w", encoding=encoding, newline="") as f:
        f.write(text)


def csv_cases():
    # Row 22 lacks its Position Title: read by position, the NI number would land in Date of Birth and the FTE in the NI column.
    shifted = "90000999,90000999-1,RGT,Genomics Laboratory,Healthcare Scientists,Band 7,Active Assignment,1.0000,QZ999999Z,14/07/1966,30/09/2023\n"
    write_text("short-row-shifts-values_2023-09.csv", ESR_HEADER + esr_rows("RGT", 20) + shifted + esr_rows("RGT", 10, 21))
    # FTE and WTE both present and disagreeing in one row.
    write_text("ambiguous-fte-wte_2023-09.csv",
               "Employee Number,Organisation Code,Position Title,Area of Work,FTE,WTE,Effective Date\n"
               "80000001,R0A,Clinical Scientist,Genomics Laboratory,1.0,1.0,30/09/2023\n"
               "80000002,R0A,Clinical Scientist,Genomics Laboratory,0.5,0.8,30/09/2023\n")
    # NUL bytes, escape and bell characters inside titles.
    write_text("control-characters_2023-09.csv",
               ESR_HEADER.replace(",NI Number", "") +
               "70000001,70000001-1,RJ1,Clinical\x00 Scientist\x1b[31m,Genomics Laboratory,Healthcare Scientists,Band 7,Active Assignment,1.0000,01/02/1980,30/09/2023\n"
               "70000002,70000002-1,RJ1,Genetic\x07 Counsellor,Clinical Genetics,Additional Professional Scientific and Technical,Band 7,Active Assignment,1.0000,01/02/1980,30/09/2023\n")
    # A quote that is never closed swallows the rest of the file.
    write_text("unclosed-quote_2023-09.csv", ESR_HEADER + esr_rows("RVJ", 3) + '90000099,90000099-1,RVJ,"Clinical Scientist,Genomics Laboratory\n' + esr_rows("RVJ", 3, 10))
    with open(out("random-bytes.csv"), "wb") as f:
        f.write(bytes((i * 131 + 7) % 256 for i in range(4096)))
    open(out("empty.csv"), "wb").close()


if __name__ == "__main__":
    uncalculated_formulas()
    hidden_rows()
    total_rows_worded()
    broken_xml_inside_valid_zip()
    falsified_zip_sizes()
    unknown_organisation()
    open_document()
    csv_cases()
