"""Exchange packages between laptops: export, checked import, three-way merge,
conflicts. No Qt; the database is reached through store.Database."""

from .errors import PackageError
from .exporter import ExportSummary, export_package
from .importer import import_package
from .report import ImportReport

__all__ = ["ExportSummary", "ImportReport", "PackageError", "export_package", "import_package"]
