"""Files for packaging/check_bundle.sh, made and read with the build venv's Python.

    python check_files.py make DIR     # photo.heic, scan.png, letter.pdf, disc/, ccd.xml
    python check_files.py packet PDF   # what a packet holds, as JSON (pages, documents, ...)

The bundle check feeds these to the frozen app (where Python is hidden) to prove that the
libraries behind documents, import and the disc check work inside the bundle. They are made
here, outside it, with the real libraries: the HEIC photo with pillow-heif's HEVC *encoder*,
which the bundle itself leaves out (it only decodes), and the DICOM file with pydicom.
"""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
#: a word only the PDF holds: `search` must find it through the PDF's text layer
PDF_WORD = "Quokkasyndrome"


def make(folder: Path) -> None:
    from PIL import Image
    from pillow_heif import register_heif_opener
    from reportlab.pdfgen.canvas import Canvas

    register_heif_opener()
    folder.mkdir(parents=True, exist_ok=True)
    # An iPhone-like photo: HEIC, with an EXIF orientation the packet has to apply.
    photo = Image.new("RGB", (320, 240), (200, 40, 90))
    exif = Image.Exif()
    exif[0x0112] = 6  # rotated 90 degrees
    photo.save(folder / "photo.heic", format="HEIF", quality=80, exif=exif.tobytes())
    Image.new("RGB", (300, 400), (30, 120, 200)).save(folder / "scan.png", format="PNG")
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    for page in (1, 2):
        canvas.drawString(72, 700, f"Referral letter page {page}: suspected {PDF_WORD}.")
        canvas.showPage()
    canvas.save()
    (folder / "letter.pdf").write_bytes(buffer.getvalue())
    write_dicom(folder / "disc" / "DICOM" / "IM000001")
    (folder / "disc" / "README.TXT").write_text("Imaging disc\n", encoding="utf-8")
    shutil.copy2(REPO / "tests" / "fixtures" / "import" / "ccd.xml", folder / "ccd.xml")
    shutil.copy2(
        REPO / "tests" / "fixtures" / "import" / "hostile" / "billion_laughs.xml",
        folder / "billion_laughs.xml",
    )


def write_dicom(path: Path) -> None:
    """A CT image's header (and two pixels): what the disc check reads."""
    from pydicom.dataset import Dataset, FileMetaDataset
    from pydicom.uid import CTImageStorage, ExplicitVRLittleEndian, generate_uid

    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = CTImageStorage
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = Dataset()
    ds.file_meta = meta
    ds.SOPClassUID = CTImageStorage
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.PatientName = "EXAMPLE^MARIA"
    ds.StudyInstanceUID = "1.2.826.0.1.3680043.8.498.1"
    ds.SeriesInstanceUID = "1.2.826.0.1.3680043.8.498.1.1"
    ds.Modality = "CT"
    ds.StudyDate = "20260214"
    ds.StudyDescription = "CT CHEST"
    ds.Rows = ds.Columns = 1
    ds.BitsAllocated = 16
    ds.PixelData = bytes(2)
    path.parent.mkdir(parents=True, exist_ok=True)
    ds.save_as(path, enforce_file_format=True)


def packet(pdf: Path) -> dict[str, object]:
    """The pages of a visit packet: how many, the documents' separator pages, the pages that
    draw an image (the attached photos and scans), the pages with the PDF's word, and whether
    any document was left out ("could not be included")."""
    from pypdf import PdfReader

    reader = PdfReader(pdf)
    texts = [page.extract_text() or "" for page in reader.pages]
    image_pages = 0
    for page in reader.pages:
        resources = page.get("/Resources")
        objects = resources.get_object().get("/XObject") if resources else None
        if objects and any(
            x.get_object().get("/Subtype") == "/Image" for x in objects.get_object().values()
        ):
            image_pages += 1
    return {
        "pages": len(texts),
        "separators": [
            text.split("Enclosed document", 1)[1].strip().splitlines()[0]
            for text in texts
            if "Enclosed document" in text
        ],
        "image_pages": image_pages,
        "word_pages": sum(PDF_WORD in text for text in texts),
        "left_out": sum("could not be included" in text for text in texts),
    }


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "make":
        make(Path(argv[1]))
        return 0
    if len(argv) == 2 and argv[0] == "packet":
        import json

        sys.stdout.write(json.dumps(packet(Path(argv[1]))) + "\n")
        return 0
    sys.stderr.write(__doc__ or "")
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
