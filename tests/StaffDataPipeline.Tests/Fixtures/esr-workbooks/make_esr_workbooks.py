#!/usr/bin/python3
"""Makes ESR staff-in-post reports as ESR BI exports them to Excel (run with Debian's python3 and python3-openpyxl,
and LibreOffice for the .xls copies).

Each report is a sample CSV copied here unchanged, and the same rows as a workbook: a title line, a "Report run on"
line, maybe a blank line, then the header row; dates as date cells, FTE, hours, ages and employee numbers as numbers,
everything else as text. The tests load the CSV and the workbooks and expect the same facts. The outputs are
committed, so `dotnet test` needs only the .NET SDK. Every person in them is invented (they come from the samples).
Run from anywhere: python3 make_esr_workbooks.py
"""
import csv
import datetime
import os
import shutil
import subprocess
import tempfile
import zipfile

import openpyxl
from openpyxl.styles import Font

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))

DATE_COLUMNS = {"Date of Birth", "Date Of Birth", "Hire Date", "Effective Date"}
NUMBER_COLUMNS = {"FTE", "WTE", "Contracted Wte", "Contracted Hours", "Age In Years", "Tm Year Month"}
INTEGER_COLUMNS = {"Employee Number", "Unique Nhs Identifier"}


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


def read_csv(path):
    """UTF-8 with or without a BOM, else Windows-1252 (some samples are, as some trusts' exports are)."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
    except UnicodeDecodeError:
        with open(path, encoding="cp1252", newline="") as f:
            rows = list(csv.reader(f))
    return rows[0], rows[1:]


def typed(column, text):
    """A cell as ESR BI types it; text that does not parse stays text, as Excel would keep it."""
    if text == "":
        return None
    try:
        if column in DATE_COLUMNS:
            fmt = "%Y-%m-%d" if "-" in text else "%d/%m/%Y"
            return datetime.datetime.strptime(text, fmt).date()
        if column in INTEGER_COLUMNS or column == "Tm Year Month":
            return int(text)
        if column in NUMBER_COLUMNS:
            return float(text)
    except ValueError:
        return text
    return text


def esr_workbook(name, csv_path, title, run_on, blank_line, computed_fte=None, sheet="Staff in Post"):
    """The CSV's rows as an ESR BI workbook. computed_fte: an FTE to store as Excel stores a computed one."""
    header, rows = read_csv(csv_path)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append([title])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([f"Report run on {run_on}"])
    if blank_line:
        ws.append([])
    ws.append(header)
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    computed_done = False
    for row in rows:
        values = [typed(column, text) for column, text in zip(header, row)]
        for i, column in enumerate(header):
            # 0.1 * 7 is 0.7000000000000001: what a formula such as hours / 37.5 leaves in the cell, shown as 0.7.
            if column in ("FTE", "Contracted Wte") and computed_fte and not computed_done and row[i] and float(row[i]) == computed_fte:
                values[i] = 0.1 * round(computed_fte * 10)
                computed_done = True
        ws.append(values)
        for i, value in enumerate(values):
            if isinstance(value, datetime.date):
                ws.cell(row=ws.max_row, column=i + 1).number_format = "DD/MM/YYYY"
    wb.properties.created = wb.properties.modified = datetime.datetime(2024, 1, 1)
    wb.save(out(name))
    fixed_zip_times(out(name))


def as_xls(name):
    """The .xlsx converted by LibreOffice, as a trust still on Excel 97-2003 format would send it."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "xls",
                        "--outdir", tmp, out(name)], check=True, capture_output=True)
        xls = os.path.splitext(name)[0] + ".xls"
        shutil.copyfile(os.path.join(tmp, xls), out(xls))


def copy_sample(folder, name):
    shutil.copyfile(os.path.join(ROOT, "samples", folder, name), out(name))
    return out(name)


def uncalculated_fte():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Staff in Post"
    ws.append(["Staff in Post"])
    ws.append(["Employee Number", "Organisation Code", "Position Title", "Staff Group", "Contracted Hours", "FTE", "Effective Date"])
    for number, title, hours in ((10000601, "Clinical Scientist", 37.5), (10000602, "Genetic Counsellor", 22.5), (10000603, "Bioinformatician", 30)):
        ws.append([number, "RGT", title, "Healthcare Scientists", hours, f"=ROUND(E{ws.max_row + 1}/37.5,2)", datetime.date(2023, 9, 30)])
        ws.cell(row=ws.max_row, column=7).number_format = "DD/MM/YYYY"
    # The formula copied down below the data, as a sheet prepared for more rows has it: blank, not rows.
    for row in (6, 7):
        ws.cell(row=row, column=6).value = f'=IF(E{row}="","",ROUND(E{row}/37.5,2))'
    wb.properties.created = wb.properties.modified = datetime.datetime(2024, 1, 1)
    wb.save(out("uncalculated-fte_2023-09.xlsx"))
    fixed_zip_times(out("uncalculated-fte_2023-09.xlsx"))


def main():
    # An ESR BI "Staff in Post" report: title, run line, a blank line, then the header (row 4).
    rq3 = copy_sample("esr", "RQ3_staff_in_post_2023-09.csv")
    esr_workbook("RQ3_staff_in_post_2023-09.xlsx", rq3, "Staff in Post - Assignment Level (RQ3)", "04/10/2023 08:15",
                 blank_line=True, computed_fte=0.7)
    as_xls("RQ3_staff_in_post_2023-09.xlsx")

    # The record-level layout (upper-case ESR headings, ISO dates in the CSV, a Tm Year Month number), no blank line.
    rj1 = copy_sample("esr", "esr_record_level_RJ1_202309.csv")
    esr_workbook("esr_record_level_RJ1_202309.xlsx", rj1, "ESR Record Level Extract", "02/10/2023 06:00",
                 blank_line=False, sheet="Report 1")

    # Two columns for FTE that disagree: refused as AMBIGUOUS_HEADER exactly as the CSV is.
    fte_wte = out("ambiguous-fte-wte_2023-09.csv")
    shutil.copyfile(os.path.join(HERE, "..", "hostile", "ambiguous-fte-wte_2023-09.csv"), fte_wte)
    esr_workbook("ambiguous-fte-wte_2023-09.xlsx", fte_wte, "Staff in Post", "04/10/2023 08:15", blank_line=True)

    # Blank rows inside the data and after it, and a cell beyond the header's last column.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Staff in Post"
    ws.append(["Staff in Post"])
    ws.append(["Report run on 04/10/2023 08:15"])
    ws.append(["Employee Number", "Organisation Code", "Position Title", "FTE", "Effective Date"])
    ws.append([10000591, "RGT", "Clinical Scientist", 0.8, datetime.date(2023, 9, 30)])
    ws.append([])
    ws.append([None, "   ", None, None, None])
    ws.append([10000592, "RGT", "  Genetic Counsellor  ", 1, datetime.date(2023, 9, 30), "a note past the last heading"])
    ws.append([])
    for r in (4, 7):
        ws.cell(row=r, column=5).number_format = "DD/MM/YYYY"
    wb.properties.created = wb.properties.modified = datetime.datetime(2024, 1, 1)
    wb.save(out("blank-rows_2023-09.xlsx"))
    fixed_zip_times(out("blank-rows_2023-09.xlsx"))

    # FTE as a formula of contracted hours that was never calculated (openpyxl writes no cached value, as scripts and
    # some exporters do): read as blank, FTE would be made up from hours; the rows are quarantined instead.
    uncalculated_fte()

    # Neither an ESR report nor a survey return: a budget sheet.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Budget"
    ws.append(["Genomics budget 2023-24"])
    ws.append(["Cost line", "Amount", "Notes"])
    ws.append(["Sequencing consumables", 125000, "recurrent"])
    ws.append(["Bioinformatics licences", 40000, ""])
    wb.properties.created = wb.properties.modified = datetime.datetime(2024, 1, 1)
    wb.save(out("budget-not-a-report.xlsx"))
    fixed_zip_times(out("budget-not-a-report.xlsx"))


if __name__ == "__main__":
    main()
