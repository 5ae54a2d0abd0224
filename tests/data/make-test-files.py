#!/usr/bin/env python3
"""Regenerates the spreadsheet test files of tests/data (run from this folder; output is committed).

intake-from-libreoffice.xlsx is NOT made here: it is a real LibreOffice Calc 7.4.7 export of
intake-from-libreoffice.csv (soffice --headless --convert-to xlsx intake-from-libreoffice.csv).

intake-libreoffice.xlsx: a workbook shaped like LibreOffice Calc's "Excel 2007-365" export: shared
strings (one with rich-text runs), inline strings, a number, dates stored as serial numbers with a
custom and a built-in date format, a skipped column, a title row above the header, a second sheet.
zip-bomb.xlsx: a valid-looking workbook whose sheet XML inflates to 1 GiB of blanks.
"""
import zipfile

def check_digit(first_ten):
    values = {}
    v = 10
    for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        if v % 11 == 0:
            v += 1
        values[c] = v
        v += 1
    total = 0
    for i, c in enumerate(first_ten):
        total += (int(c) if c.isdigit() else values[c]) * (2 ** i)
    return str(total % 11 % 10)

def number(first_ten):
    return first_ten + check_digit(first_ten)

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""
WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><fileVersion appName="Calc"/><workbookPr backupFile="false" showObjects="all" date1904="false"/><sheets><sheet name="Containers" sheetId="1" state="visible" r:id="rId3"/><sheet name="Notes" sheetId="2" state="visible" r:id="rId4"/></sheets></workbook>"""
WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"""
STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="YYYY\\-MM\\-DD"/></numFmts><cellStyleXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" xfId="0"/><xf numFmtId="164" xfId="0" applyNumberFormat="true"/><xf numFmtId="22" xfId="0" applyNumberFormat="true"/></cellXfs></styleSheet>"""

def shared_strings(strings):
    items = []
    for s in strings:
        if isinstance(s, tuple):  # rich text runs, plus a phonetic guide that is not part of the text
            runs = "".join('<r><rPr><b val="true"/></rPr><t xml:space="preserve">%s</t></r>' % part for part in s)
            items.append("<si>%s<rPh sb=\"0\" eb=\"1\"><t>IGNORED</t></rPh></si>" % runs)
        else:
            items.append("<si><t xml:space=\"preserve\">%s</t></si>" % s)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">%s</sst>'
            % (len(strings), len(strings), "".join(items)))

def sheet(rows):
    out = []
    for r, cells in rows:
        out.append('<row r="%d">%s</row>' % (r, "".join(cells)))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>%s</sheetData></worksheet>'
            % "".join(out))

def s(ref, index):
    return '<c r="%s" t="s"><v>%d</v></c>' % (ref, index)

def inline(ref, text):
    return '<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>' % (ref, text)

def num(ref, value, style=0):
    return '<c r="%s" s="%d" t="n"><v>%s</v></c>' % (ref, style, value)

def make_intake():
    a = number("MSKU123456")   # MSKU1234565
    b = number("TGHU000000")
    c = number("CSQU305438")
    strings = ["Daily container report", ("Container ", "Number"), "Terminal", "Reference", "Booking",
               "Discharged", "truckingCompanyCode", a, "WBCT_LA", "PFCH", "Container", c]
    rows = [
        (1, [s("A1", 0)]),
        (3, [s("A3", 1), s("B3", 2), s("C3", 3), s("D3", 4), s("E3", 5), s("F3", 6)]),
        (4, [s("A4", 7), s("B4", 8), inline("C4", "PO 1 &amp; 2"), num("D4", "12345678"), num("E4", "45356", 1),
             s("F4", 9)]),
        (5, [inline("A5", b[:4].lower() + " " + b[4:10] + " " + b[10]), s("B5", 8), inline("C5", "=not a formula"),
             num("E5", "45357.5", 2)]),
        (6, [inline("A6", "ABCU1234567"), s("B6", 8)]),
        (7, []),
        (8, [inline("A8", c), inline("D8", "BK-9")]),
    ]
    with zipfile.ZipFile("intake-libreoffice.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        z.writestr("xl/styles.xml", STYLES)
        z.writestr("xl/sharedStrings.xml", shared_strings(strings))
        z.writestr("xl/worksheets/sheet1.xml", sheet(rows))
        z.writestr("xl/worksheets/sheet2.xml", sheet([(1, [s("A1", 10)]), (2, [s("A2", 11)])]))

def make_bomb():
    with zipfile.ZipFile("zip-bomb.xlsx", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as entry:
            entry.write(b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            block = b" " * (1 << 20)
            for _ in range(1024):
                entry.write(block)
            entry.write(b"</sheetData></worksheet>")

make_intake()
make_bomb()
