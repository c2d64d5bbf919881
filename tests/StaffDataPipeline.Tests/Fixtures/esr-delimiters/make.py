#!/usr/bin/python3
"""Makes the delimiter and encoding variants of issue 17 from samples/esr/RQ3_staff_in_post_2023-09.csv, the way
LibreOffice and Excel save them: ';', tab and pipe from LibreOffice, Excel's "CSV UTF-8" with ';' as the list
separator, "Unicode Text" (UTF-16 little-endian with a byte order mark, tab-separated) from LibreOffice, the same text
big-endian, Excel's ';' CSV under a European locale (decimal commas), and files that must be refused: ':'-separated and a header that is one quoted cell.

Every cell is imported as text so that LibreOffice keeps the values exactly (dates as dd/mm/yyyy, FTE as 0.6000): the
variants must give the same facts as the comma file. The outputs are committed, so `dotnet test` needs only the
.NET SDK. Needs LibreOffice (soffice) and python3. Run from anywhere: python3 make.py
"""
import csv
import io
import os
import shutil
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
SAMPLE = os.path.join(ROOT, "samples", "esr", "RQ3_staff_in_post_2023-09.csv")
STEM = "RQ3_staff_in_post_2023-09"


def rows():
    with open(SAMPLE, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def libreoffice(options, extension, name, work):
    """Opens the sample in LibreOffice with every column as text and saves it with the given CSV filter options."""
    columns = "/".join(f"{i}/2" for i in range(1, len(rows()[0]) + 1))
    source = os.path.join(work, STEM + ".csv")
    shutil.copyfile(SAMPLE, source)
    out = os.path.join(work, "out")
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{work}/profile",
         f"--infilter=CSV:44,34,76,1,{columns}",
         "--convert-to", f"{extension}:Text - txt - csv (StarCalc):{options}",
         "--outdir", out, source],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shutil.move(os.path.join(out, f"{STEM}.{extension}"), os.path.join(HERE, name))


def excel(name, delimiter, encoding, table):
    """As Excel writes CSV: quotes only where needed, CRLF, and a byte order mark for the Unicode formats."""
    text = io.StringIO()
    csv.writer(text, delimiter=delimiter, lineterminator="\r\n").writerows(table)
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(text.getvalue().encode(encoding))


def main():
    work = tempfile.mkdtemp()
    try:
        libreoffice("59,34,76,1", "csv", f"{STEM}_semicolon.csv", work)
        libreoffice("9,34,76,1", "csv", f"{STEM}_tab.tsv", work)
        libreoffice("124,34,76,1", "csv", f"{STEM}_pipe.csv", work)
        libreoffice("9,34,65535,1", "txt", f"{STEM}_unicode-text.txt", work)
        libreoffice("58,34,76,1", "csv", f"{STEM}_colon.csv", work)
    finally:
        shutil.rmtree(work)

    with open(os.path.join(HERE, f"{STEM}_unicode-text.txt"), "rb") as f:
        little = f.read()
    assert little[:2] == b"\xff\xfe", "LibreOffice's Unicode text should start with a little-endian byte order mark"
    with open(os.path.join(HERE, f"{STEM}_utf16-big-endian.txt"), "wb") as f:
        f.write(b"\xfe\xff" + little[2:].decode("utf-16-le").encode("utf-16-be"))

    table = rows()
    excel(f"{STEM}_excel-semicolon.csv", ";", "utf-8-sig", table)

    # Excel under a European locale: ';' as the list separator and a decimal comma in numbers (FTE 0,6000, hours 22,50).
    european = [list(r) for r in table]
    for heading in ("FTE", "Contracted Hours"):
        column = table[0].index(heading)
        for row in european[1:]:
            row[column] = row[column].replace(".", ",")
    excel(f"{STEM}_excel-semicolon-decimal-comma.csv", ";", "utf-8-sig", european)

    # An ESR BI report exported to Excel and saved from there as CSV: its title and "Report run on" lines stay above
    # the header, padded with delimiters to the width of the sheet, with a padded blank line between.
    width = len(table[0])
    banner = [["Staff In Post - Detail"] + [""] * (width - 1), ["Report run on 04/12/2026 09:15"] + [""] * (width - 1), [""] * width]
    excel(f"{STEM}_excel-title-lines.csv", ",", "utf-8-sig", banner + table)

    # The same saved as "Unicode Text" under a European locale: UTF-16 with a byte order mark, tabs, decimal commas.
    excel(f"{STEM}_unicode-text-european.txt", "\t", "utf-16", banner[:2] + european)

    # A heading with commas in it, quoted as Excel quotes it: split naively, every later column would shift by one.
    quoted = [list(r) for r in table]
    quoted[0][quoted[0].index("Full Name")] = "Name (Surname, Forename)"
    excel(f"{STEM}_quoted-heading.csv", ",", "utf-8-sig", quoted)

    # A CSV opened as one column and saved again: each line is one quoted cell, its commas inside the quotes.
    lines = io.StringIO()
    csv.writer(lines, lineterminator="\r\n").writerows(table)
    excel(f"{STEM}_one-quoted-cell.csv", ",", "utf-8", [[line] for line in lines.getvalue().splitlines()])


if __name__ == "__main__":
    main()
