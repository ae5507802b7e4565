#!/usr/bin/env python3
"""Checks the page numbers stored in the contents of .docx packs against LibreOffice's layout.

Usage: scripts/check-docx-contents.py FILE.docx|FOLDER [...]

For every .docx (folders are searched recursively), the contents entries are read from the file (title and
the number cached in the PAGEREF field), the file is converted to PDF with LibreOffice (soffice --headless),
and the page each heading lands on is found with pdftotext, page by page: the first page from the contents page on
with a line that is the heading's title, or the first line of a title that wraps (contents lines, with leaders,
and lines that go on past the title, such as a table row starting with a name, excluded). Prints one line per entry and a summary; exits 1 when
any entry's number differs from where the heading lands, 2 when LibreOffice or pdftotext is missing.
Needs python3, LibreOffice (soffice) and poppler-utils (pdftotext, pdfinfo); nothing else.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def contents_entries(docx):
    """(title, stored page number) of every contents entry, in order."""
    import xml.etree.ElementTree as ET
    with zipfile.ZipFile(docx) as z:
        root = ET.fromstring(z.read("word/document.xml"))
    entries = []
    for paragraph in root.iter(W + "p"):
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        if style is None or not re.fullmatch(r"TOC\d", style.get(W + "val", "")):
            continue
        title, number, in_result, after_tab = [], [], False, False
        for element in paragraph.iter():
            if element.tag == W + "tab":
                after_tab = True
            elif element.tag == W + "fldChar":
                kind = element.get(W + "fldCharType")
                in_result = kind == "separate" and after_tab
                if kind == "end":
                    in_result = False
            elif element.tag == W + "t":
                if in_result:
                    number.append(element.text or "")
                elif not after_tab:
                    title.append(element.text or "")
        text = "".join(title).strip()
        digits = "".join(number).strip()
        if text and digits.isdigit():
            entries.append((text, int(digits)))
    return entries


def normalise(text):
    text = text.replace("\u00a0", " ").replace("\u00ad", "")
    return re.sub(r"\s+", " ", text).strip()


def page_texts(pdf):
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout).group(1))
    texts = []
    for page in range(1, pages + 1):
        out = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", pdf, "-"], capture_output=True, text=True, check=True).stdout
        texts.append([normalise(line) for line in out.splitlines() if line.strip()])
    return texts


def landing_pages(entries, pages):
    """The page each title starts a line on, searching after the contents page and in document order."""
    contents_page = next((i for i, lines in enumerate(pages) if any(l.startswith("Contents") for l in lines)), 0)
    found, start = [], contents_page
    for title, _ in entries:
        want = normalise(title)
        page = None
        for i in range(start, len(pages)):
            # A heading stands on a line of its own: the line is the title, or the start of a title that wraps.
            # Contents entries (dot leaders, a page number at the end) and table rows that begin with the same words
            # (a name in the participants table) are not the heading.
            if any((line == want or (len(line) >= 15 and want.startswith(line))) and not re.search(r"\.{4}|…", line)
                   for line in pages[i]):
                page = i + 1
                start = i
                break
        found.append(page)
    return found


def main(arguments):
    if not arguments:
        print(__doc__)
        return 2
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftotext") is None:
        print("skipped: LibreOffice (soffice) and pdftotext are needed to check the contents' page numbers")
        return 2
    files = []
    for argument in arguments:
        if os.path.isdir(argument):
            for folder, _, names in os.walk(argument):
                files += [os.path.join(folder, n) for n in sorted(names) if n.endswith(".docx") and not n.startswith(".")]
        else:
            files.append(argument)
    total = wrong = 0
    with tempfile.TemporaryDirectory() as work:
        profile = "file://" + os.path.join(work, "profile")
        for docx in sorted(files):
            entries = contents_entries(docx)
            if not entries:
                print(f"{docx}: no contents")
                continue
            subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", work, docx],
                           capture_output=True, check=True)
            pdf = os.path.join(work, os.path.splitext(os.path.basename(docx))[0] + ".pdf")
            pages = page_texts(pdf)
            landed = landing_pages(entries, pages)
            bad = [(t, n, p) for (t, n), p in zip(entries, landed) if n != p]
            total += len(entries)
            wrong += len(bad)
            print(f"{os.path.basename(docx)}: {len(entries) - len(bad)} of {len(entries)} entries right ({len(pages)} pages)")
            for title, number, page in bad:
                print(f"    {title!r}: contents say {number}, LibreOffice places it on {page if page else 'no page found'}")
            os.remove(pdf)
    print(f"{total - wrong} of {total} contents entries match LibreOffice's pages in {len(files)} file(s)")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
