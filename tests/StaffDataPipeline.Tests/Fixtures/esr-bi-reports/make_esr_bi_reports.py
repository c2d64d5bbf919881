#!/usr/bin/env python3
"""Makes ESR BI staff-in-post reports as trusts pull them: both person identifiers (the trust's Employee Number and
the national Unique Nhs Identifier) and both grade notations (Pay Band and Grade Code), from the committed samples.

Run from the repository root: python3 tests/StaffDataPipeline.Tests/Fixtures/esr-bi-reports/make_esr_bi_reports.py

What each file holds, so the tests can say what they expect:
- RQ3 2023-09: the RQ3 sample with both identifiers and both grade notations, and these planted rows
  (row numbers as a spreadsheet shows them, header = row 1):
    1st AfC row   Pay Band blank, Grade Code XN06         -> graded AFC-6 from the code
    2nd AfC row   Pay Band 'Band 9', Grade Code XN05      -> contradiction: quarantined GRADE_CONFLICT
    3rd AfC row   Pay Band 'Local Band', Grade Code XN07  -> the band does not resolve, the code does: AFC-7
    after those, the first Medical and Dental row: FTE blank, 30 contracted hours -> FTE 0.75 (40-hour week)
    and the first other row with 37.5 hours: FTE blank, 30 hours -> FTE 0.8 (37.5-hour week)
- RQ3 2023-10: the RQ3 sample without that 4th AfC row's person, who left for RGT.
- RGT 2023-09 and 2023-10: the RGT samples, likewise; 2023-10 adds the person who moved from RQ3, with a new RGT
  employee number and the same Unique Nhs Identifier.
"""
import csv
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.join(HERE, "..", "..", "..", "..", "samples", "esr")


def national_id(employee_number: str) -> str:
    # Unrelated to the employee number, as in ESR: a 9-digit number from another sequence.
    return str(300000000 + (int(employee_number) * 7919) % 600000000) if employee_number.strip() else ""


def grade_code(pay_band: str) -> str:
    m = re.search(r"band\s*([1-9])([a-d]?)$", pay_band.strip(), re.IGNORECASE)
    if not m:
        return ""  # medical grades: the committed grades.csv lists no ESR medical grade codes
    return "XN0" + m.group(1) + m.group(2).upper()


def read(name):
    with open(os.path.join(SAMPLES, name), encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def widen(header, rows):
    i_emp = header.index("Employee Number")
    i_band = header.index("Pay Band")
    out_header = header[: i_emp + 1] + ["Unique Nhs Identifier"] + header[i_emp + 1 : i_band + 1] + ["Grade Code"] + header[i_band + 1 :]
    out = []
    for r in rows:
        out.append(r[: i_emp + 1] + [national_id(r[i_emp])] + r[i_emp + 1 : i_band + 1] + [grade_code(r[i_band])] + r[i_band + 1 :])
    return out_header, out


def write(name, header, rows):
    # As ESR BI writes CSV: UTF-8 with BOM, CRLF.
    with open(os.path.join(HERE, name), "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(header)
        w.writerows(rows)


def col(header, name):
    return header.index(name)


def plant_measures(header, rows, start):
    fte, hours, group = col(header, "FTE"), col(header, "Contracted Hours"), col(header, "Staff Group")
    medical = next(r for r in rows[start:] if r[group] == "Medical and Dental")
    medical[fte], medical[hours] = "", "30.00"
    afc = next(r for r in rows[start:] if r[group] != "Medical and Dental" and r is not medical and r[hours] == "37.50")
    afc[fte], afc[hours] = "", "30.00"


header, rows = widen(*read("RQ3_staff_in_post_2023-09.csv"))
band, code, group = col(header, "Pay Band"), col(header, "Grade Code"), col(header, "Staff Group")
afc = [r for r in rows if r[group] != "Medical and Dental" and r[code]]
afc[0][band], afc[0][code] = "", "XN06"
afc[1][band], afc[1][code] = "Band 9", "XN05"
afc[2][band], afc[2][code] = "Local Band", "XN07"
plant_measures(header, rows, rows.index(afc[2]) + 1)
write("RQ3_esr_bi_report_2023-09.csv", header, rows)
mover = afc[3]

emp_rq3 = mover[col(header, "Employee Number")]
header_oct, rows_oct = widen(*read("RQ3_staff_in_post_2023-10.csv"))
write("RQ3_esr_bi_report_2023-10.csv", header_oct, [r for r in rows_oct if r[col(header_oct, "Employee Number")] != emp_rq3])
write("RGT_esr_bi_report_2023-09.csv", *widen(*read("RGT_staff_in_post_2023-09.csv")))

header2, rows2 = widen(*read("RGT_staff_in_post_2023-10.csv"))
moved = list(rows2[0])
emp, uni = col(header2, "Employee Number"), col(header2, "Unique Nhs Identifier")
assign = col(header2, "Assignment Number")
moved[emp], moved[uni], moved[assign] = "20009999", mover[col(header, "Unique Nhs Identifier")], "20009999-1"
for name in ["Full Name", "Date of Birth", "NI Number", "Hire Date", "Position Title", "Job Role", "Occupation Code", "Area of Work", "Staff Group", "Pay Band", "Grade Code", "Cost Centre"]:
    moved[col(header2, name)] = mover[col(header, name)]
rows2.append(moved)
write("RGT_esr_bi_report_2023-10.csv", header2, rows2)
